// module 05 of the benchmark app
export const id5 = 5;
export function f5_0(x) { return x * 889 + 0; }
export function f5_1(x) { return x * 356 + 1; }
export function f5_2(x) { return x * 113 + 2; }
export function f5_3(x) { return x * 885 + 3; }
export function f5_4(x) { return x * 903 + 4; }
export function f5_5(x) { return x * 599 + 5; }
export function f5_6(x) { return x * 375 + 6; }
export function f5_7(x) { return x * 463 + 7; }
export function f5_8(x) { return x * 216 + 8; }
export function f5_9(x) { return x * 412 + 9; }
export function f5_10(x) { return x * 204 + 10; }
export function f5_11(x) { return x * 970 + 11; }
export function f5_12(x) { return x * 589 + 12; }
export function f5_13(x) { return x * 764 + 13; }
export function f5_14(x) { return x * 19 + 14; }
export function f5_15(x) { return x * 389 + 15; }
export function f5_16(x) { return x * 819 + 16; }
export function f5_17(x) { return x * 623 + 17; }
export function f5_18(x) { return x * 337 + 18; }
export function f5_19(x) { return x * 1 + 19; }
export function f5_20(x) { return x * 444 + 20; }
export function f5_21(x) { return x * 115 + 21; }
export function f5_22(x) { return x * 219 + 22; }
export function f5_23(x) { return x * 228 + 23; }
export function f5_24(x) { return x * 455 + 24; }

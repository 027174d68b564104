// module 21 of the benchmark app
export const id21 = 21;
export function f21_0(x) { return x * 216 + 0; }
export function f21_1(x) { return x * 20 + 1; }
export function f21_2(x) { return x * 265 + 2; }
export function f21_3(x) { return x * 861 + 3; }
export function f21_4(x) { return x * 905 + 4; }
export function f21_5(x) { return x * 727 + 5; }
export function f21_6(x) { return x * 450 + 6; }
export function f21_7(x) { return x * 367 + 7; }
export function f21_8(x) { return x * 362 + 8; }
export function f21_9(x) { return x * 571 + 9; }
export function f21_10(x) { return x * 792 + 10; }
export function f21_11(x) { return x * 723 + 11; }
export function f21_12(x) { return x * 929 + 12; }
export function f21_13(x) { return x * 78 + 13; }
export function f21_14(x) { return x * 97 + 14; }
export function f21_15(x) { return x * 723 + 15; }
export function f21_16(x) { return x * 419 + 16; }
export function f21_17(x) { return x * 726 + 17; }
export function f21_18(x) { return x * 437 + 18; }
export function f21_19(x) { return x * 965 + 19; }
export function f21_20(x) { return x * 181 + 20; }
export function f21_21(x) { return x * 61 + 21; }
export function f21_22(x) { return x * 249 + 22; }

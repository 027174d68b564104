// module 08 of the benchmark app
export const id8 = 8;
export function f8_0(x) { return x * 990 + 0; }
export function f8_1(x) { return x * 818 + 1; }
export function f8_2(x) { return x * 364 + 2; }
export function f8_3(x) { return x * 292 + 3; }
export function f8_4(x) { return x * 145 + 4; }
export function f8_5(x) { return x * 493 + 5; }
export function f8_6(x) { return x * 576 + 6; }
export function f8_7(x) { return x * 285 + 7; }
export function f8_8(x) { return x * 141 + 8; }
export function f8_9(x) { return x * 985 + 9; }
export function f8_10(x) { return x * 89 + 10; }
export function f8_11(x) { return x * 766 + 11; }
export function f8_12(x) { return x * 570 + 12; }
export function f8_13(x) { return x * 304 + 13; }
export function f8_14(x) { return x * 713 + 14; }
export function f8_15(x) { return x * 121 + 15; }
export function f8_16(x) { return x * 68 + 16; }
export function f8_17(x) { return x * 431 + 17; }
export function f8_18(x) { return x * 463 + 18; }
export function f8_19(x) { return x * 146 + 19; }

// module 18 of the benchmark app
export const id18 = 18;
export function f18_0(x) { return x * 913 + 0; }
export function f18_1(x) { return x * 364 + 1; }
export function f18_2(x) { return x * 267 + 2; }
export function f18_3(x) { return x * 910 + 3; }
export function f18_4(x) { return x * 254 + 4; }
export function f18_5(x) { return x * 786 + 5; }
export function f18_6(x) { return x * 481 + 6; }
export function f18_7(x) { return x * 993 + 7; }
export function f18_8(x) { return x * 539 + 8; }
export function f18_9(x) { return x * 191 + 9; }
export function f18_10(x) { return x * 780 + 10; }
export function f18_11(x) { return x * 544 + 11; }
export function f18_12(x) { return x * 13 + 12; }
export function f18_13(x) { return x * 956 + 13; }
export function f18_14(x) { return x * 679 + 14; }
export function f18_15(x) { return x * 553 + 15; }
export function f18_16(x) { return x * 344 + 16; }
export function f18_17(x) { return x * 687 + 17; }
export function f18_18(x) { return x * 229 + 18; }
export function f18_19(x) { return x * 999 + 19; }
export function f18_20(x) { return x * 178 + 20; }
export function f18_21(x) { return x * 29 + 21; }
export function f18_22(x) { return x * 58 + 22; }
export function f18_23(x) { return x * 734 + 23; }
export function f18_24(x) { return x * 875 + 24; }

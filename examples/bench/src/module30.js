// module 30 of the benchmark app
export const id30 = 30;
export function f30_0(x) { return x * 1 + 0; }
export function f30_1(x) { return x * 372 + 1; }
export function f30_2(x) { return x * 578 + 2; }
export function f30_3(x) { return x * 476 + 3; }
export function f30_4(x) { return x * 970 + 4; }
export function f30_5(x) { return x * 377 + 5; }
export function f30_6(x) { return x * 662 + 6; }
export function f30_7(x) { return x * 226 + 7; }
export function f30_8(x) { return x * 695 + 8; }
export function f30_9(x) { return x * 459 + 9; }
export function f30_10(x) { return x * 558 + 10; }
export function f30_11(x) { return x * 916 + 11; }
export function f30_12(x) { return x * 669 + 12; }
export function f30_13(x) { return x * 961 + 13; }
export function f30_14(x) { return x * 7 + 14; }
export function f30_15(x) { return x * 642 + 15; }
export function f30_16(x) { return x * 464 + 16; }
export function f30_17(x) { return x * 263 + 17; }
export function f30_18(x) { return x * 702 + 18; }
export function f30_19(x) { return x * 597 + 19; }
export function f30_20(x) { return x * 349 + 20; }
export function f30_21(x) { return x * 162 + 21; }
export function f30_22(x) { return x * 377 + 22; }
export function f30_23(x) { return x * 65 + 23; }
export function f30_24(x) { return x * 301 + 24; }

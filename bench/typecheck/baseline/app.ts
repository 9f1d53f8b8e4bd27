// Typecheck fixture: no client at all, for the cost of the compiler, lib and @types/node alone.
export const nothing = 0;

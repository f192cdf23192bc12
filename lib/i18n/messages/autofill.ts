export const autofill = {} as const;

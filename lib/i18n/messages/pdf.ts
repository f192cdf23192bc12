export const pdf = {} as const;

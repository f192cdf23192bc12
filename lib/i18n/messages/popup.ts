export const popup = {} as const;

export const excel = {} as const;

/**
 * Orders strings by their UTF-16 code units, as `<` does. For the machine strings the code sorts
 * (account IDs, ISO 8601 times, keys) that is the order `localeCompare` gives, without loading
 * ICU's collation data, which a first `localeCompare` adds to the process: 2.5 MB.
 */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

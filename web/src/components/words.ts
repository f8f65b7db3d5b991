/** `IN_PRODUCTION` → `In production`: enum values the api returns, in words. */
export const enumWords = (value: string) => {
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const money = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', notation: 'compact' });

/** A yearly value estimate, e.g. `$1.2M`. */
export const formatMoney = (value: number) => money.format(value);

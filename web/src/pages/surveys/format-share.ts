const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });

/** A share from 0 to 1 as a percentage, e.g. `0.42` → `42%`. */
export const formatShare = (share: number) => percent.format(share);

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 2 });

/** US dollars, whole above $100, with cents below (daily figures of small tenants). */
export const formatUsd = (value: number) => (Math.abs(value) >= 100 ? usd : cents).format(value);

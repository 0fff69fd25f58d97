// 사업자등록번호: ten digits, the last a check digit. Weights 1,3,7,1,3,7,1,3,5 on the first nine;
// the ninth digit's product also adds its tens digit; check = (10 − sum mod 10) mod 10.

const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;

export function businessNumberCheckDigit(first9: string): number {
  if (!/^\d{9}$/.test(first9)) throw new Error('need nine digits');
  let sum = 0;
  WEIGHTS.forEach((weight, i) => (sum += Number(first9[i]) * weight));
  sum += Math.floor((Number(first9[8]) * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

export function isValidBusinessNumber(value: string): boolean {
  const digits = value.replace(/-/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  return businessNumberCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

export function formatBusinessNumber(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

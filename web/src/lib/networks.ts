/** Nigerian mobile networks, told apart by the number's first four digits (0803..., as it is dialled at home). */
export type Network = 'mtn' | 'airtel' | 'glo' | '9mobile';

const PREFIXES: Record<Network, readonly string[]> = {
  mtn: ['0803', '0806', '0703', '0706', '0813', '0816', '0810', '0814', '0903', '0906', '0913', '0916'],
  airtel: ['0802', '0808', '0708', '0812', '0701', '0902', '0901', '0904', '0907', '0912'],
  glo: ['0805', '0807', '0705', '0815', '0811', '0905', '0915'],
  '9mobile': ['0809', '0818', '0817', '0909', '0908'],
};

export const NETWORK_NAMES: Record<Network, string> = {
  mtn: 'MTN',
  airtel: 'Airtel',
  glo: 'Glo',
  '9mobile': '9mobile',
};

/** A number as it is dialled at home: +2348031234567, 2348031234567 and 0803 123 4567 all give 08031234567. */
export function localNumber(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+234')) return `0${digits.slice(4)}`;
  if (digits.startsWith('234') && digits.length === 13) return `0${digits.slice(3)}`;
  return digits.replace(/^\+/, '');
}

/** The network a number belongs to, from its prefix; null when it is not (yet) recognisable. */
export function networkOf(phone: string): Network | null {
  const local = localNumber(phone);
  if (local.length < 4) return null;
  const prefix = local.slice(0, 4);
  for (const [network, prefixes] of Object.entries(PREFIXES) as [Network, readonly string[]][])
    if (prefixes.includes(prefix)) return network;
  return null;
}

/** The catalogue's biller for a network in a category (airtime "mtn", data "mtn-data"; 9mobile is "etisalat"). */
export function billerIdFor(network: Network, category: 'airtime' | 'data'): string {
  const base = network === '9mobile' ? 'etisalat' : network;
  return category === 'data' ? `${base}-data` : base;
}

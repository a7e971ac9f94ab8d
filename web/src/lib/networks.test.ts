import { describe, expect, it } from 'vitest';
import { billerIdFor, localNumber, networkOf } from './networks';

describe('networks from the number prefix', () => {
  it.each([
    ['08031234567', 'mtn'],
    ['0916 123 4567', 'mtn'],
    ['+2348021234567', 'airtel'],
    ['2347011234567', 'airtel'],
    ['08051234567', 'glo'],
    ['0915', 'glo'],
    ['08091234567', '9mobile'],
    ['0908', '9mobile'],
  ])('%s is %s', (phone, network) => {
    expect(networkOf(phone)).toBe(network);
  });

  it('knows nothing of a short or unknown prefix', () => {
    expect(networkOf('080')).toBeNull();
    expect(networkOf('08001234567')).toBeNull();
  });

  it('writes numbers as dialled at home and names the catalogue biller', () => {
    expect(localNumber('+234 803 123 4567')).toBe('08031234567');
    expect(billerIdFor('mtn', 'airtime')).toBe('mtn');
    expect(billerIdFor('9mobile', 'data')).toBe('etisalat-data');
  });
});

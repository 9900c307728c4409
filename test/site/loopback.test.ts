import { describe, expect, it } from 'vitest';
import { hostOfHeader, isLoopbackAddress, isLoopbackName } from '../../src/site/loopback.js';

describe('loopback names and addresses', () => {
  it('takes localhost, *.localhost, 127.0.0.0/8 and ::1 as this computer', () => {
    for (const name of ['localhost', 'LocalHost', 'preview.localhost', 'a.b.localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', '::ffff:127.0.0.1']) {
      expect(isLoopbackName(name), name).toBe(true);
    }
  });

  it('takes nothing else: other addresses, names that merely contain localhost, every-address binds', () => {
    for (const name of [
      '0.0.0.0',
      '::',
      '[::]',
      '192.168.1.20',
      '10.0.0.1',
      '::ffff:10.0.0.1',
      'example.org',
      'localhost.example.org',
      'localhost.',
      '127.0.0.1.nip.io',
      'x..localhost',
      'ev il.localhost',
      '',
    ]) {
      expect(isLoopbackName(name), name).toBe(false);
    }
  });

  it('checks peer addresses, IPv4-mapped ones included', () => {
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('192.168.1.20')).toBe(false);
    expect(isLoopbackAddress('::ffff:192.168.1.20')).toBe(false);
    expect(isLoopbackAddress('localhost')).toBe(false);
    expect(isLoopbackAddress(undefined)).toBe(false);
  });

  it('reads the host out of a Host header, with or without a port', () => {
    expect(hostOfHeader('localhost:8080')).toBe('localhost');
    expect(hostOfHeader('LOCALHOST')).toBe('localhost');
    expect(hostOfHeader('[::1]:8080')).toBe('[::1]');
    expect(hostOfHeader('127.0.0.1')).toBe('127.0.0.1');
    for (const header of ['', 'localhost:', 'localhost:80:80', 'user@localhost', 'localhost/x', '[::1', '::1']) {
      expect(hostOfHeader(header), header).toBeUndefined();
    }
  });
});

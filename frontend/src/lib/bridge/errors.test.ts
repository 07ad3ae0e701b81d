import { describe, expect, it, vi } from 'vitest';
import { ErrorCode } from './contract';

vi.mock('../../../wailsjs/go/main/App', () => ({}));
vi.mock('../../../wailsjs/runtime/runtime', () => ({}));
const { toErrorInfo } = await import('./index');

describe('toErrorInfo', () => {
  it('keeps a formatted backend error as is', () => {
    expect(toErrorInfo({ code: ErrorCode.Locked, message: 'in use' })).toEqual({ code: ErrorCode.Locked, message: 'in use' });
  });
  it('parses JSON strings and wraps plain text and Errors', () => {
    expect(toErrorInfo('{"code":"x","message":"m"}')).toEqual({ code: 'x', message: 'm' });
    expect(toErrorInfo('boom')).toEqual({ code: ErrorCode.Internal, message: 'boom' });
    expect(toErrorInfo(new Error('bad'))).toEqual({ code: ErrorCode.Internal, message: 'bad' });
  });
});

import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useRetryWhenOnline } from './hooks';

describe('useRetryWhenOnline', () => {
  it('retries when the browser is back online, only while failing', () => {
    const retry = vi.fn();
    const { rerender } = renderHook(({ failing }) => useRetryWhenOnline(failing, retry), { initialProps: { failing: true } });

    window.dispatchEvent(new Event('online'));
    expect(retry).toHaveBeenCalledOnce();

    rerender({ failing: false });
    window.dispatchEvent(new Event('online'));
    expect(retry).toHaveBeenCalledOnce();
  });
});

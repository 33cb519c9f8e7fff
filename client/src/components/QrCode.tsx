import { useEffect, useState } from 'react';
import { loadChunk } from '../sync/chunks.ts';

interface QrCodeProps {
  url: string;
  /** What a screen reader hears instead of the picture. */
  label: string;
  className?: string;
}

/** qrcode is loaded on demand: phones on the participant route never download it. */
async function renderSvg(url: string): Promise<string> {
  const mod = await loadChunk(() => import('qrcode'));
  const api = ('default' in mod ? mod.default : mod) as typeof mod;
  return api.toString(url, {
    type: 'svg',
    margin: 1,
    errorCorrectionLevel: 'M',
    color: { dark: '#111418', light: '#ffffff' },
  });
}

export function QrCode({ url, label, className = '' }: QrCodeProps) {
  const [svg, setSvg] = useState<{ url: string; svg: string } | null>(null);
  useEffect(() => {
    let live = true;
    void renderSvg(url).then((result) => live && setSvg({ url, svg: result }));
    return () => {
      live = false;
    };
  }, [url]);

  if (svg === null || svg.url !== url) {
    return <div className={`qr qr--pending ${className}`} role="img" aria-label={label} />;
  }
  return (
    <img
      className={`qr ${className}`}
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.svg)}`}
      alt={label}
      data-testid="qr-code"
    />
  );
}

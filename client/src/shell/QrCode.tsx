// A QR code drawn as an SVG string by the qrcode package (generated locally, works offline).
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

export function QrCode({ value, size, label }: { value: string; size: number; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toString(value, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((svg) => {
      if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      live = false;
    };
  }, [value]);
  return src ? <img src={src} width={size} height={size} alt={label} data-testid="qr-code" data-value={value} /> : <div style={{ width: size, height: size }} />;
}

// The report as it will be sent: the server's HTML in a sandboxed frame (no scripts, nothing
// fetched), grown to its full height so the page scrolls, not the frame.
import { useEffect, useRef } from 'react';
import { Card } from '@mantine/core';

export function ReportPreview({ html, title }: { html: string; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const fit = () => {
    const doc = frame.current?.contentDocument;
    if (frame.current && doc) frame.current.style.height = `${doc.documentElement.scrollHeight + 8}px`;
  };
  useEffect(() => {
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, []);
  return (
    <Card padding={0} style={{ overflow: 'hidden' }}>
      <iframe
        ref={frame}
        title={`Preview: ${title}`}
        srcDoc={html}
        sandbox="allow-same-origin"
        onLoad={fit}
        data-testid="report-preview"
        style={{ width: '100%', height: 800, border: 0, display: 'block' }}
      />
    </Card>
  );
}

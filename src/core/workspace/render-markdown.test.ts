import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown.ts';

describe('safe Markdown for notes', () => {
  it('renders ordinary Markdown', () => {
    expect(renderMarkdown('# Agenda\n- **live** schedule\n- [playbook](https://example.com/p)')).toBe(
      '<h1>Agenda</h1>\n<ul>\n<li><strong>live</strong> schedule</li>\n<li><a href="https://example.com/p" target="_blank" rel="noopener noreferrer nofollow">playbook</a></li>\n</ul>\n',
    );
  });

  it('keeps a script tag and inline handlers as text, never as HTML', () => {
    const html = renderMarkdown('<script>window.pwned = 1</script>\n\n<img src=x onerror="window.pwned=1">');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;window.pwned = 1&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.pwned=1&quot;&gt;');
  });

  it('refuses javascript:, data: and vbscript: links and images, keeps http(s), mailto and app paths', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox(1)', '//evil.example/x']) {
      const html = renderMarkdown(`[click](${bad}) ![img](${bad})`);
      expect(html, bad).not.toMatch(/<a |<img /);
    }
    expect(renderMarkdown('[mail](mailto:ana@shop.test) [seller](/sellers/S1)')).toContain('<a href="/sellers/S1"');
    expect(renderMarkdown('[mail](mailto:ana@shop.test)')).toContain('href="mailto:ana@shop.test"');
  });

  it('escapes attribute breakouts in link titles and text', () => {
    const html = renderMarkdown('[x](https://a.example "t\\" onmouseover=\\"alert(1)")');
    expect(html).not.toMatch(/onmouseover="/);
  });
});

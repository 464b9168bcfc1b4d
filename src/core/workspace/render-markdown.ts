/**
 * Notes are Markdown written by users, so their HTML must never carry script: markdown-it with raw
 * HTML off (a `<script>` in a note becomes the text "<script>"), links only to http(s), mailto and
 * in-app paths (no `javascript:`, `data:` or `vbscript:` — markdown-it's own check, tightened), and
 * every link opening in a new tab without a handle on Aisle's window. Rendered once on the server, so
 * the web app, the CLI and reports show the same safe HTML.
 */
import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token) {
    token.attrSet('target', '_blank');
    token.attrSet('rel', 'noopener noreferrer nofollow');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}

import { describe, expect, it } from 'vitest';
import { auditMarkup } from './markupAudit';

// The audit guards the hostile-content tests: it must see what it is meant to catch.
describe('auditMarkup', () => {
  it('passes our own markup', () => {
    expect(auditMarkup('<!DOCTYPE html><html lang="zh-CN"><head><style>a>b{c:d}</style></head><body><p class="x">&lt;script&gt;</p><a href="tel:123">1</a><br/></body></html>')).toEqual([]);
  });

  it.each([
    ['<p><script>alert(1)</script></p>', 'element <script>'],
    ['<p><img src=x onerror=alert(1)></p>', '"<" that open no well-formed tag'],
    ['<p><img src="x" onerror="alert(1)"/></p>', 'attribute onerror on <img>'],
    ['<a href="javascript:alert(1)">x</a>', 'href javascript:alert(1)'],
    ['<p title="x">y</p>', 'attribute title on <p>'],
    ['<svg></svg>', 'element <svg>'],
    ['<p>a < b</p>', '"<" that open no well-formed tag'],
  ])('reports %s', (html, problem) => {
    expect(auditMarkup(html).join('\n')).toContain(problem);
  });
});

import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text.js';

describe(htmlToText.name, () => {
  it('drops tags and decodes entities', () => {
    expect(
      htmlToText(
        '<p>Hola <a href="x">@ana</a> &amp; <b>Brand&nbsp;A</b></p><p>&#8220;ok&#x201D;</p>',
      ),
    ).toBe('Hola @ana & Brand A “ok”');
  });

  it('decodes every named HTML entity, as Spanish and Portuguese feeds use them', () => {
    expect(
      htmlToText('Caf&eacute; &ntilde;and&uacute; &iquest;s&iacute;? A&ccedil;&atilde;o &euro;5'),
    ).toBe('Café ñandú ¿sí? Ação €5');
  });

  it('drops scripts and styles with their content', () => {
    expect(htmlToText('<style>p{}</style>text<script>alert(1)</script>')).toBe('text');
  });
});

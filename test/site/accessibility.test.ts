import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleSite } from '../helpers-shared.js';

const TODAY = '2026-11-23';
const UNIT = 'social-services-advice';

function read(out: string, path: string): string {
  return readFileSync(join(out, path), 'utf8');
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** The opening tags of the elements that enclose `index` in `html`, outermost first (a small tag-stack reader for our own well-formed pages). */
function enclosingTags(html: string, index: number): string[] {
  const stack: { name: string; tag: string }[] = [];
  const tags = /<\/?([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>|<!--[\s\S]*?-->|<script\b[\s\S]*?<\/script>/g;
  for (let match = tags.exec(html); match && match.index < index; match = tags.exec(html)) {
    const [tag, rawName] = match;
    if (!rawName || tag.startsWith('<script')) continue;
    const name = rawName.toLowerCase();
    if (tag.startsWith('</')) {
      const open = stack.map((entry) => entry.name).lastIndexOf(name);
      if (open !== -1) stack.length = open;
    } else if (!VOID_ELEMENTS.has(name) && !tag.endsWith('/>')) stack.push({ name, tag });
  }
  return stack.map((entry) => entry.tag);
}

/** The accessibility section of a charter page, from its heading to the end of its section. */
function section(html: string): string {
  const start = html.indexOf('<h2 id="accessibility">');
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('accessibility services on the built site', () => {
  let out: string;
  beforeAll(async () => {
    // Shared with the other files that read the example guide as built on TODAY (test/helpers-shared.ts).
    out = await exampleSite({ today: TODAY });
  }, 120_000);

  it('lists each service on the charter page, named in the page language, with how to ask', () => {
    const fi = section(read(out, `fi/${UNIT}/index.html`));
    expect(fi).toContain('<h2 id="accessibility">Saavutettava asiointi</h2>');
    for (const name of ['Viittomakieli', 'Tulkkaus', 'Selkokieli', 'Induktiosilmukka', 'Esteetön kulku']) expect(fi).toContain(`>${name}</h3>`);
    // The label ends in a colon that only search excerpts and screen readers see.
    expect(fi).toContain(
      '<dt>Kielet<span class="visually-hidden">: </span></dt><dd><span>suomalainen viittomakieli, suomenruotsalainen viittomakieli</span></dd>',
    );
    expect(fi).toContain('Tilaamme tulkin\nKelan tulkkauspalvelusta'.replace('\n', ' '));
    const sv = section(read(out, `sv/${UNIT}/index.html`));
    expect(sv).toContain('<h2 id="accessibility">Tillgänglig service</h2>');
    expect(sv).toContain('>Hörslinga</h3>');
    expect(sv).toContain('<dt>Så här ber du om det<span class="visually-hidden">: </span></dt>');
    expect(sv).toContain('FPA:s tolkningstjänst');
    const en = section(read(out, `en/${UNIT}/index.html`));
    expect(en).toContain('<h2 id="accessibility">Accessibility services</h2>');
    expect(en).toContain('>Step-free access</h3>');
    expect(en).toContain('Finnish Sign Language, Finland-Swedish Sign Language');
    expect(en).toContain('<p>At desks 1 and 2 of the service point and in the meeting rooms.</p>');
    // Texts the charter has in the page language carry no lang of their own; the page's is right.
    expect(en).not.toMatch(/ lang="(fi|sv)"/);
  });

  it('links the section from the table of contents, and leaves it out for a unit without services', () => {
    expect(read(out, `fi/${UNIT}/index.html`)).toContain('<li><a href="#accessibility">Saavutettava asiointi</a></li>');
    const other = read(out, 'fi/building-control/index.html');
    expect(other).not.toContain('id="accessibility"');
    expect(other).not.toContain('href="#accessibility"');
  });

  it('is searchable: inside the indexed body, not in an ignored part, and in the language index', () => {
    const html = read(out, `fi/${UNIT}/index.html`);
    const enclosing = enclosingTags(html, html.indexOf('<h2 id="accessibility">'));
    expect(enclosing.some((tag) => tag.includes('data-pagefind-body'))).toBe(true);
    expect(enclosing.filter((tag) => tag.includes('data-pagefind-ignore'))).toEqual([]);
    // Pagefind's fragments are gzipped JSON with the page's indexed text.
    const fragments = join(out, 'fi', 'pagefind', 'fragment');
    const files = readdirSync(fragments);
    expect(files.length).toBeGreaterThan(0);
    const indexed = files.map((file) => gunzipSync(readFileSync(join(fragments, file))).toString('utf8')).find((text) => text.includes(`/fi/${UNIT}/`));
    expect(indexed).toContain('Induktiosilmukka');
    expect(indexed).toContain('Kelan tulkkauspalvelusta');
  });

  it('prints the services in one line on the card, in each language', () => {
    const line = (lang: string): string => /<p class="card__accessibility">([^<]*)<\/p>/.exec(read(out, `${lang}/${UNIT}/card/index.html`))?.[1] ?? '';
    expect(line('fi')).toBe('Viittomakieli, tulkkaus, selkokieli, induktiosilmukka, esteetön kulku');
    expect(line('sv')).toBe('Teckenspråk, tolkning, lättläst, hörslinga, hinderfritt tillträde');
    expect(line('en')).toBe('Sign language, interpreting, Easy Language, hearing loop, step-free access');
    expect(read(out, 'fi/building-control/card/index.html')).not.toContain('card__accessibility');
  });

  it('publishes the services as written in charters.json', () => {
    const json = JSON.parse(read(out, 'charters.json')) as { charters: { id: string; accessibility?: { service: string; languages?: string[] }[] }[] };
    const unit = json.charters.find((charter) => charter.id === UNIT);
    expect(unit?.accessibility?.map((entry) => entry.service)).toEqual(['sign-language', 'interpreting', 'easy-language', 'hearing-loop', 'step-free-access']);
    expect(unit?.accessibility?.[0]?.languages).toEqual(['fse', 'fss']);
  });

  it('describes them in the JSON-LD: sign languages as available languages, the rest as amenity features of the service point', () => {
    const html = read(out, `sv/${UNIT}/index.html`);
    const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
    const data = JSON.parse(match?.[1] ?? '{}') as {
      availableChannel: { availableLanguage: string[]; serviceLocation?: { amenityFeature?: { name: string }[] } }[];
    };
    const counter = data.availableChannel.find((channel) => channel.serviceLocation !== undefined);
    expect(counter?.availableLanguage).toEqual(['fi', 'sv', 'en', 'fse', 'fss']);
    expect(counter?.serviceLocation?.amenityFeature?.map((feature) => feature.name)).toEqual([
      'Teckenspråk',
      'Tolkning',
      'Lättläst',
      'Hörslinga',
      'Hinderfritt tillträde',
    ]);
  });
});

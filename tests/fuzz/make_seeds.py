# Writes the seed corpora under tests/fuzz/corpus/<target>/ from corpus/seeds
# and hand-made hostile snippets. Run once: python3 tests/fuzz/make_seeds.py
# (the files are committed; libFuzzer adds its finds to a copy in the build).
import json, os, glob
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../..')
out = os.path.join(root, 'tests/fuzz/corpus')
seeds = sorted(glob.glob(os.path.join(root, 'corpus/seeds/*.txt')))
texts = [open(p, 'rb').read() for p in seeds]
paras = [p for t in texts for p in t.split(b'\n\n') if len(p.strip()) > 80]

def w(target, name, data):
    d = os.path.join(out, target); os.makedirs(d, exist_ok=True)
    open(os.path.join(d, name), 'wb').write(data)

def ti(v, lo, hi):  # bytes for FuzzInput::TakeInt giving v
    x = v - lo
    return bytes([x >> 8, x & 255])

unicode = ('“Kata’ib” Iraq’s don\'t U.S.-led ½ ℅ ﬁnance Ａｂｃ ÉCOLE naïve e\u0301t\u00e9 '
           '東京都 カタカナ ⑴ ǅ İstanbul ß straße colour jeopardise centre').encode()
invalid = b'abc \xff\xfe def \xc3 ghi \xe2\x80 jkl \xed\xa0\x80 mno \xf4\x90\x80\x80 pqr'

# ingest_jsonl
w('ingest_jsonl', 'records.jsonl', b''.join(json.dumps(r).encode() + b'\n' for r in [
    {'id': 'a1', 'source': 'mee', 'date': '2024-02-08', 'text': paras[0].decode()},
    {'id': 7, 'text': 'numeric id', 'source': None},
    {'text': 'no id, so path:line'},
    {'id': 'x', 'text': ''},
]))
w('ingest_jsonl', 'broken.jsonl',
  b'{"id": "ok", "text": "fine"}\r\n'
  b'{"id": "bad", "text": "unterminated\n'
  b'[1, 2, 3]\n'
  b'{"id": "no-text"}\n'
  b'{"text": 5}\n'
  b'   \n'
  b'{"text": "nul \\u0000 inside"}\n'
  b'{"text": "surrogate \\ud800 alone"}\n'
  b'{"text": "raw invalid \xff\xfe bytes"}\n'
  b'{"text": "dup", "text": "keys"}\n'
  b'{"id": {"nested": [1, {"a": null}]}, "text": "nested id"}\n'
  b'{"text": "no final newline"}')
w('ingest_jsonl', 'unicode.jsonl', json.dumps({'id': 'u', 'text': unicode.decode()}).encode() + b'\n')

# segment: 1 byte wrapped_line_max (0 = default)
w('segment', 'seed0.txt', b'\x00' + texts[0][:3000])
w('segment', 'narrow.txt', b'\x14' + texts[1][:2000])
w('segment', 'crlf.txt', b'\x00' + b'line one\r\nline two\r\n \t \r\n\r\npara two\r\n\x0b\x0c\n  last  ')
w('segment', 'blank.txt', b'\x00' + b' \n\t\n\r\n')

# normalize: flags (bit0 fold, bit1 sub-span + 4 bytes)
w('normalize', 'unicode.txt', b'\x01' + unicode)
w('normalize', 'invalid.txt', b'\x00' + invalid)
w('normalize', 'subspan.txt', b'\x03' + ti(5, 0, 0xFFFF) + ti(40, 0, 0xFFFF) + paras[1][:400])
w('normalize', 'initialisms.txt', b'\x01' + b"the U.K. and U.S.-led a.b.cd x'y 'quoted' dogs' 1.5 e.g. I.B.M.")

# shingle: kind, size(2), seed, window(2)
w('shingle', 'word5.txt', b'\x00' + ti(5, 1, 64) + b'\x00' + ti(4, 1, 32) + paras[2][:800])
w('shingle', 'char3.txt', b'\x01' + ti(3, 1, 64) + b'\x07' + ti(2, 1, 32) + unicode)
w('shingle', 'short.txt', b'\x00' + ti(9, 1, 64) + b'\x01' + ti(1, 1, 32) + b'only four words here')

# scan: see scan_fuzz.h for the layout
def scan_header(unit_doc=False, quote=False, paragraph_quotes=True, boilerplate=False, wrap=100,
                fold=True, dehyphenate=False, ocr=False, char=False, k=5, min_words=6, perm_idx=4,
                thr_idx=2, measure=2, seed=0, exact=False, all_pairs=False, bucket=64,
                window=4, postings=256, threads2=False, copy=True):
    unit = unit_doc | (quote << 1) | (paragraph_quotes << 2) | (boilerplate << 3)
    norm = fold | (dehyphenate << 1) | (ocr << 2)
    return (bytes([unit]) + ti(wrap, 1, 200) + bytes([norm, char]) + ti(k, 1, 8) +
            ti(min_words, 1, 8) + bytes([perm_idx, 0, thr_idx, measure, seed,
                                         0 if exact else 1, all_pairs]) +
            ti(bucket, 2, 70) + ti(window, 1, 8) + ti(postings, 2, 300) +
            bytes([(1 if threads2 else 0) | (2 if copy else 0)]))
RS = b'\x1e'
w('scan', 'paragraphs.txt', scan_header() + paras[0] + b'\n\n' + paras[3] + RS + paras[4] + b'\n\n' + paras[0][:200])
w('scan', 'docs.txt', scan_header(unit_doc=True, copy=False, all_pairs=True) + texts[0][:1500] + RS + texts[0][:1400] + b' extra words at the end' + RS + texts[2][:900])
w('scan', 'exact_char.txt', scan_header(char=True, k=4, exact=True, min_words=2, thr_idx=4) + paras[5][:300] + RS + paras[5][:250] + RS + unicode)
w('scan', 'boilerplate.txt', scan_header(boilerplate=True, bucket=2, postings=2, threads2=True, min_words=1, k=2) + (b'Sign up to get the latest alerts.\n\n' * 12) + RS + invalid + RS + b'\x00\x00 nul bytes and more words here')
quoted = (b'"By this act, the American forces jeopardise civil peace," said Iraqi military '
          b'spokesman Yahya Rasool in a statement.\n\nHe added: \xe2\x80\x9cThe coalition consistently '
          b'deviates from the reasons for its presence.\xe2\x80\x9d\n')
w('scan', 'quotes.txt', scan_header(quote=True, min_words=2) + quoted + RS + b'Reuters reported. ' + quoted)
w('scan', 'ocr.txt', scan_header(dehyphenate=True, ocr=True, min_words=3) +
  b'The rnodern govern-\nment said the exam- ple was c1ear.' + RS + b'The modern government said the example was clear.')
w('normalize', 'ocr.txt', b'\x0d' + b'The rnodern govern-\nment vvas c1ear; exam\xc2\xadple, pre- and post-war colour-\nful.')

# quote: flags (bit0 nested, bit1 multi-paragraph off, bit2 keep-unterminated
# off, bit3 resolve-names off, bits4-6 min_words, bit7 pronouns off), wrap,
# context, misc (low nibble continuation paragraphs, high nibble byline/8)
def quote_header(nested=False, no_multi=False, no_unterminated=False, no_resolve=False,
                 min_words=0, no_pronoun=False, wrap=0, context=0, cont=3, byline=0):
    flags = (nested | (no_multi << 1) | (no_unterminated << 2) | (no_resolve << 3) |
             (min_words << 4) | (no_pronoun << 7))
    return bytes([flags, wrap, context, cont | (byline << 4)])
w('quote', 'styles.txt', quote_header(nested=True) + (
    '\u201cA curly double quote with several words inside,\u201d said Jane Doe.\n\n'
    '"A straight double quote with words," Khazali stressed on Monday.\n\n'
    '\u2018A curly single quote of some length,\u2019 she said.\n\n'
    "'A straight single quote here and there,' he added.\n\n"
    'Er sagte: \u201eDas ist ein Zitat mit vielen W\u00f6rtern\u201c und ging. '
    'Dann: \u201eNoch eines mit rechtem Schluss\u201d.\n\n'
    'Sie schrieb \u201akleines Zitat mit W\u00f6rtern\u2018 dazu.\n\n'
    '\u00ab Une citation en fran\u00e7ais avec espaces \u00bb, a d\u00e9clar\u00e9 Macron. '
    '\u00bbUmgekehrte Guillemets im Deutschen\u00ab, schrieb er.\n\n'
    '\u2039 single guillemets quote here \u203a and \u203aumgekehrt einfach\u2039 too.\n\n'
    '\u201dSvenska citat med samma tecken\u201d, sade hon.\n\n'
    '"A mixed pair with a curly end\u201d and \u201ca curly start with a straight end".\n').encode())
w('quote', 'multi_paragraph.txt', quote_header(min_words=2) + (
    '\u201cThe first paragraph of a long statement goes on for a while.\n\n'
    '\u201cThe second paragraph continues the same statement.\n\n'
    '\u201cThe third and last paragraph closes it,\u201d the minister said.\n\n'
    '\u00abUn premier paragraphe en fran\u00e7ais.\n\n'
    '\u00abEt le second qui le termine.\u00bb\n\n'
    '"A straight quote over\n\n"two paragraphs, ending here," Rasool added.\n').encode())
w('quote', 'apostrophes.txt', quote_header(nested=True) + (
    "Iraq\u2019s government and Kata\u2019ib Hezbollah don't agree about the \u201990s or '03. "
    "The forces' safety comes first, the soldiers' commander said. "
    "He called it 'rock 'n' roll diplomacy' and the dogs' bowls 'are full of water, the officers' "
    "orders said' again. \u2018The ministers\u2019 plans,\u2019 she said, \u2018are ready.\u2019 "
    "It's the players' 'best season in years' according to the club's statement.\n").encode())
w('quote', 'attribution.txt', quote_header(min_words=3, cont=2) + (
    'Iraqi military spokesman Maj. Gen. Yahya Rasool condemned the strike.\n\n'
    '\u201cThis trajectory compels the government to terminate the mission of this coalition,\u201d '
    'Rasool added.\n\n'
    '\u201cWe will respond at the time and place of our choosing,\u201d said Qais al-Khazali, '
    'secretary-general of Asaib Ahl al-Haq, on X.\n\n'
    '\u201cThe airstrike targeted a commander responsible for attacks,\u201d according to a '
    'statement from the US Central Command (CENTCOM).\n\n'
    'He also threatened that \u201cthe response will be painful for everyone involved.\u201d\n\n'
    '\u201cAnd the coalition has no reason to stay any longer in our country.\u201d\n\n'
    'Live Story\n\n'
    '\u201cWe reject any attack on Iraqi sovereignty and our security forces.\u201d\n\n'
    '- Iraqi Foreign Minister Fuad Hussein\n\n'
    'Al-Khazali stressed: "Our patience with these violations has run out completely."\n').encode())
w('quote', 'unterminated_nested.txt', quote_header(nested=True, min_words=1, context=20) + (
    '"An unterminated quote runs on. It never closes. "A new one opens here and closes," he said.\n\n'
    '\u00abUne citation sans fin qui court jusqu\u2019\u00e0 la fin du paragraphe\n\n'
    '"He told me \'this is nested inside the outer quote\' and then left," she wrote.\n\n'
    '\u201cOuter \u2018middle \u00abinner guillemet words\u00bb middle\u2019 outer,\u201d they said.\n\n'
    '\u2018An unterminated single quote is dropped\n').encode())
w('quote', 'invalid.txt', quote_header(nested=True, wrap=20) +
  b'\xe2\x80\x9c\xc2\xa0Spaces of many kinds\xe2\x80\x83inside\xc2\xa0\xe2\x80\x9d said X.\n\n'
  b'Truncated \xe2\x80 marks \xe2\x80\x9cand \xff bytes \xc2 inside \xed\xa0\x80 a quote\xe2\x80\x9d, '
  b'\xe2\x80\x9c\xf4\x90\x80\x80\xe2\x80\x9d \xc2\xab\xc2 \xc2\xbb "\xe2\x80\x9c\xe2\x80\x9d" '
  b'\'\xe2\x80\x98\' \xe2\x80\x9e\xe2\x80\x9a\xe2\x80\xb9\xe2\x80\xba\n'
  b'a short wrapped line\nanother one "quoted\nacross" lines\n\xe2\x80\x9c')
w('quote', 'seed0.txt', quote_header(min_words=6) + texts[0][:3500])

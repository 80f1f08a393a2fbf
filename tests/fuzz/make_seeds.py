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

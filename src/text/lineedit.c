/*
 * lineedit.c -- the line editor behind every text field.
 *
 * The text is an array of code points, edited by character and laid out
 * by display width (width_cp), in the manner of neomutt's EnterState:
 * no curses here, so every key's effect is unit-tested with Chinese text
 * and the terminal layer only draws what lineedit_view() reports.
 *
 * A "cluster" below is a character followed by the zero-width characters
 * (combining marks, joiners, variation selectors) that belong to it; the
 * cursor only ever stands between clusters.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/lineedit.h"
#include "text/utf8.h"
#include "text/width.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* Character classes for Ctrl-W. */
enum lineedit_class {
	LE_SPACE,
	LE_HAN,
	LE_WORD,	/* letters and digits other than Han */
	LE_PUNCT	/* punctuation and symbols */
};

/* Non-ASCII ranges that are not LE_WORD, sorted; Han is tested apart. */
static const struct {
	uint32_t lo, hi;
	enum lineedit_class class;
} lineedit_classes[] = {
	{ 0x00A0, 0x00A0, LE_SPACE },	/* no-break space */
	{ 0x00A1, 0x00BF, LE_PUNCT },	/* Latin-1 punctuation, · */
	{ 0x00D7, 0x00D7, LE_PUNCT },	/* × */
	{ 0x00F7, 0x00F7, LE_PUNCT },	/* ÷ */
	{ 0x2000, 0x200A, LE_SPACE },	/* en quad .. hair space */
	{ 0x2010, 0x2027, LE_PUNCT },	/* dashes, quotes, bullets, … */
	{ 0x202F, 0x202F, LE_SPACE },
	{ 0x2030, 0x205E, LE_PUNCT },
	{ 0x205F, 0x205F, LE_SPACE },
	{ 0x20A0, 0x20CF, LE_PUNCT },	/* currency */
	{ 0x2100, 0x2BFF, LE_PUNCT },	/* letterlike, arrows, maths, boxes */
	{ 0x3000, 0x3000, LE_SPACE },	/* ideographic space */
	{ 0x3001, 0x3004, LE_PUNCT },	/* 、。〃〄 */
	{ 0x3008, 0x3020, LE_PUNCT },	/* 《》「」『』【】〔〕 ... */
	{ 0x3030, 0x3030, LE_PUNCT },
	{ 0x303D, 0x303F, LE_PUNCT },
	{ 0x30FB, 0x30FB, LE_PUNCT },	/* ・ */
	{ 0xFE10, 0xFE1F, LE_PUNCT },	/* vertical forms */
	{ 0xFE30, 0xFE6F, LE_PUNCT },	/* CJK compatibility and small forms */
	{ 0xFF01, 0xFF0F, LE_PUNCT },	/* ！＂＃ ... （）＊＋，－．／ */
	{ 0xFF1A, 0xFF20, LE_PUNCT },	/* ：；＜＝＞？＠ */
	{ 0xFF3B, 0xFF40, LE_PUNCT },	/* ［＼］＾＿｀ */
	{ 0xFF5B, 0xFF65, LE_PUNCT },	/* ｛｜｝～ ... ･ */
	{ 0xFFE0, 0xFFEE, LE_PUNCT },	/* ￠￡￢￣￤￥ */
	{ 0x1F000, 0x1FAFF, LE_PUNCT },	/* emoji and other pictographs */
};

/* Class of cp for Ctrl-W. */
static enum lineedit_class
lineedit_class_of(uint32_t cp)
{
	size_t i;

	if (cp < 0x80) {
		if (cp == ' ' || cp == '\t')
			return LE_SPACE;
		if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= 'a' && cp <= 'z') || cp == '_')
			return LE_WORD;
		return LE_PUNCT;
	}
	if (utf8_is_han(cp) || cp == 0x3007)	/* 〇 */
		return LE_HAN;
	for (i = 0; i < sizeof lineedit_classes / sizeof lineedit_classes[0]; i++)
		if (cp >= lineedit_classes[i].lo && cp <= lineedit_classes[i].hi)
			return lineedit_classes[i].class;
	return LE_WORD;
}

/*
 * May cp be typed into a field?  Not C0/C1 controls, line and paragraph
 * separators, surrogates or values above U+10FFFF.
 */
static int
lineedit_acceptable(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return 0;
	if (cp == 0x2028 || cp == 0x2029)
		return 0;
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	return 1;
}

/* Does the character at i belong to the cluster before it? */
static int
lineedit_attached(const struct lineedit *le, size_t i)
{
	return i > 0 && i < le->len && width_cp(le->chars[i]) == 0;
}

/* Start of the cluster that ends at i (i > 0), i.e. one cluster back. */
static size_t
lineedit_prev(const struct lineedit *le, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (lineedit_attached(le, i))
		i--;
	return i;
}

/* End of the cluster that starts at i, i.e. one cluster forward. */
static size_t
lineedit_next(const struct lineedit *le, size_t i)
{
	if (i >= le->len)
		return le->len;
	i++;
	while (lineedit_attached(le, i))
		i++;
	return i;
}

/* Columns of chars[a .. b). */
static int
lineedit_cols(const struct lineedit *le, size_t a, size_t b)
{
	int cols = 0;

	for (; a < b; a++)
		cols += width_cp(le->chars[a]);
	return cols;
}

/* Make room for n more characters. */
static void
lineedit_reserve(struct lineedit *le, size_t n)
{
	size_t cap;

	if (le->len + n <= le->cap)
		return;
	cap = le->cap ? le->cap : 32;
	while (cap < le->len + n)
		cap *= 2;
	le->chars = xreallocarray(le->chars, cap, sizeof le->chars[0]);
	le->cap = cap;
}

/* Insert the n characters at cps at the cursor and move past them. */
static void
lineedit_splice(struct lineedit *le, const uint32_t *cps, size_t n)
{
	if (n == 0)
		return;
	lineedit_reserve(le, n);
	memmove(le->chars + le->cursor + n, le->chars + le->cursor,
	    (le->len - le->cursor) * sizeof le->chars[0]);
	memcpy(le->chars + le->cursor, cps, n * sizeof cps[0]);
	le->len += n;
	le->cursor += n;
}

/* Remove chars[a .. b); the cursor keeps its place in the text. */
static void
lineedit_remove(struct lineedit *le, size_t a, size_t b)
{
	memmove(le->chars + a, le->chars + b,
	    (le->len - b) * sizeof le->chars[0]);
	le->len -= b - a;
	if (le->cursor >= b)
		le->cursor -= b - a;
	else if (le->cursor > a)
		le->cursor = a;
	if (le->scroll > le->len)
		le->scroll = le->len;
}

/* UTF-8 of chars[a .. b); caller frees. */
static char *
lineedit_encode(const struct lineedit *le, size_t a, size_t b)
{
	strbuf sb;
	char buf[4];
	int n;

	sb_init(&sb);
	sb_grow(&sb, (b - a) * 3);
	sb_reset(&sb);		/* sb_grow leaves the new buffer unterminated */
	for (; a < b; a++)
		if ((n = utf8_encode(le->chars[a], buf)) > 0)
			sb_addn(&sb, buf, (size_t)n);
	return sb_detach(&sb);
}

/* Remove chars[a .. b) into the kill buffer; nothing happens if a == b. */
static void
lineedit_kill(struct lineedit *le, size_t a, size_t b)
{
	if (a >= b)
		return;
	free(le->killed);
	le->killed = lineedit_encode(le, a, b);
	lineedit_remove(le, a, b);
}

/*
 * Decode utf8 into a new array of the characters a field takes (see the
 * rules in lineedit.h) and its length in *n; caller frees.
 */
static uint32_t *
lineedit_decode(const char *utf8, size_t *n)
{
	size_t cap = strlen(utf8), off = 0, count = 0;
	uint32_t *cps, cp;
	int len;

	cps = xreallocarray(NULL, cap ? cap : 1, sizeof cps[0]);
	while ((len = utf8_decode(utf8 + off, cap - off, &cp)) != 0) {
		off += len < 0 ? 1 : (size_t)len;
		if (cp == '\r' && utf8[off] == '\n')
			continue;	/* CRLF: the LF makes the space */
		if (cp == '\t' || cp == '\n' || cp == '\r')
			cp = ' ';
		if (lineedit_acceptable(cp))
			cps[count++] = cp;
	}
	*n = count;
	return cps;
}

/* Start empty, limited to max_chars characters (0 = no limit). */
void
lineedit_init(struct lineedit *le, size_t max_chars)
{
	memset(le, 0, sizeof *le);
	le->max_chars = max_chars;
}

/* Release the text and the kill buffer; le is left empty, same limit. */
void
lineedit_free(struct lineedit *le)
{
	if (le == NULL)
		return;
	free(le->chars);
	free(le->killed);
	lineedit_init(le, le->max_chars);
}

/*
 * Replace the text with utf8 (converted as lineedit.h says, never cut to
 * max_chars), cursor at the end.  The kill buffer is kept.
 */
void
lineedit_set(struct lineedit *le, const char *utf8)
{
	uint32_t *cps;
	size_t n;

	cps = lineedit_decode(utf8 != NULL ? utf8 : "", &n);
	le->len = 0;
	le->cursor = 0;
	le->scroll = 0;
	le->cut = 0;
	lineedit_splice(le, cps, n);
	free(cps);
}

/* The text as UTF-8; caller frees. */
char *
lineedit_text(const struct lineedit *le)
{
	return lineedit_encode(le, 0, le->len);
}

/* Characters that still fit under max_chars. */
static size_t
lineedit_room(const struct lineedit *le)
{
	if (le->max_chars == 0)
		return SIZE_MAX;
	return le->len >= le->max_chars ? 0 : le->max_chars - le->len;
}

/*
 * Insert cp at the cursor.  Returns 0, or -1 for a control character
 * (cut stays 0) or a full field (cut = 1).
 */
int
lineedit_insert(struct lineedit *le, uint32_t cp)
{
	le->cut = 0;
	if (!lineedit_acceptable(cp))
		return -1;
	if (lineedit_room(le) == 0) {
		le->cut = 1;
		return -1;
	}
	lineedit_splice(le, &cp, 1);
	return 0;
}

/*
 * Paste utf8 at the cursor: as much as max_chars allows, in one piece.
 * Returns the characters inserted; cut gets those left out.
 */
size_t
lineedit_insert_str(struct lineedit *le, const char *utf8)
{
	uint32_t *cps;
	size_t n, fit;

	cps = lineedit_decode(utf8 != NULL ? utf8 : "", &n);
	fit = n < lineedit_room(le) ? n : lineedit_room(le);
	lineedit_splice(le, cps, fit);
	le->cut = n - fit;
	free(cps);
	return fit;
}

/* Delete the character (cluster) before the cursor; -1 at the start. */
int
lineedit_backspace(struct lineedit *le)
{
	if (le->cursor == 0)
		return -1;
	lineedit_remove(le, lineedit_prev(le, le->cursor), le->cursor);
	return 0;
}

/* Delete the character (cluster) under the cursor; -1 at the end. */
int
lineedit_delete(struct lineedit *le)
{
	if (le->cursor >= le->len)
		return -1;
	lineedit_remove(le, le->cursor, lineedit_next(le, le->cursor));
	return 0;
}

/* Move one character left. */
void
lineedit_left(struct lineedit *le)
{
	le->cursor = lineedit_prev(le, le->cursor);
}

/* Move one character right. */
void
lineedit_right(struct lineedit *le)
{
	le->cursor = lineedit_next(le, le->cursor);
}

/* Move to the start (Ctrl-A, Home). */
void
lineedit_home(struct lineedit *le)
{
	le->cursor = 0;
}

/* Move to the end (Ctrl-E, End). */
void
lineedit_end(struct lineedit *le)
{
	le->cursor = le->len;
}

/* Kill from the cursor to the end (Ctrl-K). */
void
lineedit_kill_to_end(struct lineedit *le)
{
	lineedit_kill(le, le->cursor, le->len);
}

/* Kill from the start to the cursor (Ctrl-U). */
void
lineedit_kill_to_start(struct lineedit *le)
{
	lineedit_kill(le, 0, le->cursor);
}

/*
 * Kill the word before the cursor (Ctrl-W): the spaces right before it,
 * then the run of clusters of the class of the one before those.
 */
void
lineedit_kill_word(struct lineedit *le)
{
	size_t start = le->cursor, prev;
	enum lineedit_class class;

	while (start > 0) {
		prev = lineedit_prev(le, start);
		if (lineedit_class_of(le->chars[prev]) != LE_SPACE)
			break;
		start = prev;
	}
	if (start > 0) {
		prev = lineedit_prev(le, start);
		class = lineedit_class_of(le->chars[prev]);
		start = prev;
		while (start > 0) {
			prev = lineedit_prev(le, start);
			if (lineedit_class_of(le->chars[prev]) != class)
				break;
			start = prev;
		}
	}
	lineedit_kill(le, start, le->cursor);
}

/* Insert the last killed text at the cursor (Ctrl-Y); sets cut. */
void
lineedit_yank(struct lineedit *le)
{
	le->cut = 0;
	if (le->killed != NULL)
		lineedit_insert_str(le, le->killed);
}

/* Columns the whole text takes. */
int
lineedit_width(const struct lineedit *le)
{
	return lineedit_cols(le, 0, le->len);
}

/*
 * Lay the text out in a field cols wide: scroll (as little as possible
 * rightwards, half a field leftwards) so that the cursor and the whole
 * character under it are inside, pull the text back when its end leaves
 * room, and report what to draw.  Clusters are never split at either
 * edge.
 */
void
lineedit_view(struct lineedit *le, int cols, struct lineedit_view *v)
{
	size_t first = le->scroll, i, j;
	int col, need, w;

	if (le->cursor > le->len)
		le->cursor = le->len;
	if (first > le->len)
		first = le->len;
	while (lineedit_attached(le, first))
		first--;
	if (cols < 1)
		cols = 0;

	/* Cursor left of the field: bring it to about the middle. */
	if (le->cursor < first) {
		first = le->cursor;
		col = 0;
		while (first > 0) {
			j = lineedit_prev(le, first);
			w = lineedit_cols(le, j, first);
			if (col + w > cols / 2)
				break;
			col += w;
			first = j;
		}
	}

	/* Cursor, or the character under it, past the right edge. */
	need = 1;
	if (le->cursor < le->len) {
		w = lineedit_cols(le, le->cursor, lineedit_next(le, le->cursor));
		need = w < 1 ? 1 : w;
	}
	if (need > cols)
		need = cols;
	col = lineedit_cols(le, first, le->cursor);
	while (col + need > cols && first < le->cursor) {
		j = lineedit_next(le, first);
		col -= lineedit_cols(le, first, j);
		first = j;
	}

	/* Room after the end of the text: show more on the left. */
	col = lineedit_cols(le, first, le->len) + (le->cursor == le->len);
	while (first > 0) {
		j = lineedit_prev(le, first);
		w = lineedit_cols(le, j, first);
		if (col + w > cols)
			break;
		col += w;
		first = j;
	}

	/* What fits from first on. */
	col = 0;
	for (i = first; i < le->len; i = j) {
		j = lineedit_next(le, i);
		w = lineedit_cols(le, i, j);
		if (col + w > cols)
			break;
		col += w;
	}

	le->scroll = first;
	v->first = first;
	v->count = i - first;
	v->cursor_col = lineedit_cols(le, first, le->cursor);
	v->more_left = first > 0;
	v->more_right = i < le->len;
}

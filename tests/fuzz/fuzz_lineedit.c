/*
 * fuzz_lineedit.c -- libFuzzer harness for the line editor: the input is
 * a key sequence (one opcode byte per key, typed characters and pasted
 * text taking the bytes after it) run against a line editor with a
 * length limit from the first byte.  After every key the editor must be
 * consistent (cursor and scroll inside the text, limit kept, the view
 * inside the field) and its text must survive a UTF-8 round trip.
 * Built and run by tests/fuzz/run.sh.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/lineedit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort unless le is consistent and its view fits a field cols wide. */
static void
fuzz_check(struct lineedit *le, int cols, size_t limit_floor)
{
	struct lineedit_view v;
	struct lineedit copy;
	char *text, *text2;

	if (le->cursor > le->len || le->len > le->cap)
		abort();
	if (le->max_chars > 0 && le->len > le->max_chars && le->len > limit_floor)
		abort();
	lineedit_view(le, cols, &v);
	if (v.first + v.count > le->len || v.cursor_col < 0 || (cols >= 2 && v.cursor_col > cols))
		abort();
	text = lineedit_text(le);
	lineedit_init(&copy, 0);
	lineedit_set(&copy, text);
	text2 = lineedit_text(&copy);
	if (strcmp(text, text2) != 0)
		abort();
	free(text);
	free(text2);
	lineedit_free(&copy);
}

/* One input: a key sequence. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lineedit le;
	size_t i = 1, n, set_len = 0;
	int cols;
	char buf[64];

	if (size < 2)
		return 0;
	lineedit_init(&le, data[0] % 40);
	cols = 2 + data[1] % 30;
	while (i < size) {
		uint8_t op = data[i++];

		switch (op % 16) {
		case 0:		/* a character: up to 3 more bytes of code point */
		case 1:
		case 2: {
			uint32_t cp = 0;

			for (n = 0; n < 3 && i < size; n++)
				cp = cp << 8 | data[i++];
			lineedit_insert(&le, cp % 0x110000);
			break;
		}
		case 3:		/* paste: a length byte, then that many bytes */
			n = i < size ? data[i++] % sizeof buf : 0;
			if (n > size - i)
				n = size - i;
			memcpy(buf, data + i, n);
			buf[n] = '\0';
			i += n;
			lineedit_insert_str(&le, buf);
			break;
		case 4: lineedit_backspace(&le); break;
		case 5: lineedit_delete(&le); break;
		case 6: lineedit_left(&le); break;
		case 7: lineedit_right(&le); break;
		case 8: lineedit_home(&le); break;
		case 9: lineedit_end(&le); break;
		case 10: lineedit_kill_to_end(&le); break;
		case 11: lineedit_kill_to_start(&le); break;
		case 12: lineedit_kill_word(&le); break;
		case 13: lineedit_yank(&le); break;
		case 14:	/* set: like loading a value from the database (not cut) */
			n = i < size ? data[i++] % sizeof buf : 0;
			if (n > size - i)
				n = size - i;
			memcpy(buf, data + i, n);
			buf[n] = '\0';
			i += n;
			lineedit_set(&le, buf);
			set_len = le.len;
			break;
		default:	/* the field is resized */
			cols = 1 + (i < size ? data[i++] % 40 : 0);
			break;
		}
		fuzz_check(&le, cols, set_len);
		if (le.len < set_len)
			set_len = le.len;
		/* Kill-all and two yanks double the text: stop before the checks dominate. */
		if (le.len > 8192)
			break;
	}
	lineedit_width(&le);
	lineedit_free(&le);
	return 0;
}

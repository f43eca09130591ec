/*
 * check_text_utf8.c -- unit tests for src/text/utf8.c: the strict decoder
 * (overlongs, surrogates, range, truncation), the encoder, validation
 * offsets, counting and the Han ranges.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "runner.h"
#include "text/utf8.h"

/* Decode the NUL-terminated s, expecting length len and code point cp. */
static void
expect_decode(const char *s, int len, uint32_t cp)
{
	uint32_t got = 12345;

	ck_assert_int_eq(utf8_decode(s, strlen(s), &got), len);
	ck_assert_uint_eq(got, cp);
}

START_TEST(test_decode_valid)
{
	expect_decode("A", 1, 'A');
	expect_decode("\x7F", 1, 0x7F);
	expect_decode("\xC2\x80", 2, 0x80);
	expect_decode("\xDF\xBF", 2, 0x7FF);
	expect_decode("\xE0\xA0\x80", 3, 0x800);
	expect_decode("张", 3, 0x5F20);
	expect_decode("\xED\x9F\xBF", 3, 0xD7FF);
	expect_decode("\xEE\x80\x80", 3, 0xE000);
	expect_decode("\xEF\xBF\xBF", 3, 0xFFFF);
	expect_decode("\xF0\x90\x80\x80", 4, 0x10000);
	expect_decode("𠀀", 4, 0x20000);
	expect_decode("\xF4\x8F\xBF\xBF", 4, 0x10FFFF);
	/* Only the first character is decoded. */
	expect_decode("王小红", 3, 0x738B);
}
END_TEST

START_TEST(test_decode_end)
{
	uint32_t cp = 1;

	ck_assert_int_eq(utf8_decode("", 0, &cp), 0);
	ck_assert_uint_eq(cp, 0);
	cp = 1;
	ck_assert_int_eq(utf8_decode("abc", 0, &cp), 0);
	ck_assert_uint_eq(cp, 0);
	ck_assert_int_eq(utf8_decode("\0abc", 4, &cp), 0);
}
END_TEST

START_TEST(test_decode_rejects)
{
	static const char *const bad[] = {
		"\x80",			/* stray continuation */
		"\xBF",
		"\xC0\x80",		/* overlong NUL */
		"\xC1\xBF",		/* overlong U+007F */
		"\xE0\x80\x80",		/* overlong */
		"\xE0\x9F\xBF",		/* overlong U+07FF */
		"\xF0\x80\x80\x80",	/* overlong */
		"\xF0\x8F\xBF\xBF",	/* overlong U+FFFF */
		"\xED\xA0\x80",		/* surrogate U+D800 */
		"\xED\xBF\xBF",		/* surrogate U+DFFF */
		"\xF4\x90\x80\x80",	/* U+110000 */
		"\xF5\x80\x80\x80",	/* lead byte above F4 */
		"\xF8\x88\x80\x80\x80",	/* old 5-byte form */
		"\xFE",
		"\xFF",
		"\xE5\xBC",		/* truncated 张 at a NUL */
		"\xE5\xBC" "A",		/* continuation replaced by ASCII */
		"\xE5" "\xE5\xBC\xA0",	/* lead byte followed by a lead byte */
		"\xF0\xA0\x80",		/* truncated 4-byte */
	};
	size_t i;
	uint32_t cp;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cp = 0;
		ck_assert_msg(utf8_decode(bad[i], strlen(bad[i]), &cp) == -1,
		    "bad[%zu] accepted", i);
		ck_assert_uint_eq(cp, 0xFFFD);
	}
	/* A sequence cut by n, not by a NUL. */
	ck_assert_int_eq(utf8_decode("张", 2, &cp), -1);
	ck_assert_int_eq(utf8_decode("张", 3, &cp), 3);
	ck_assert_int_eq(utf8_decode("𠀀", 3, &cp), -1);
}
END_TEST

/*
 * Did decoding b give len == -1 (with U+FFFD), or a code point whose
 * encoding is exactly those len bytes?
 */
static int
same_encoding(const unsigned char *b, int len, uint32_t cp)
{
	char enc[4];

	if (len < 0)
		return cp == 0xFFFD;
	return utf8_encode(cp, enc) == len && memcmp(enc, b, (size_t)len) == 0;
}

/*
 * Every 2- and 3-byte sequence, and every 4-byte one over a grid of
 * interesting bytes, decodes exactly when it is the encoding of the code
 * point it decodes to: the definition of strict UTF-8.
 */
START_TEST(test_decode_exhaustive)
{
	static const unsigned char grid[] = {
		0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF
	};
	unsigned char b[5];
	uint32_t cp;
	unsigned a, c, d, e;
	long wrong = 0, valid3 = 0, valid4 = 0;
	int len, good;

	/* ck_assert in these loops would cost a pipe write each: count. */
	for (a = 0x80; a <= 0xFF; a++)
		for (c = 0; c <= 0xFF; c++) {
			b[0] = (unsigned char)a;
			b[1] = (unsigned char)c;
			len = utf8_decode((char *)b, 2, &cp);
			good = a >= 0xC2 && a <= 0xDF && c >= 0x80 && c <= 0xBF;
			wrong += len != (good ? 2 : -1);
		}
	for (a = 0xE0; a <= 0xEF; a++)
		for (c = 0; c <= 0xFF; c++)
			for (d = 0; d <= 0xFF; d++) {
				b[0] = (unsigned char)a;
				b[1] = (unsigned char)c;
				b[2] = (unsigned char)d;
				len = utf8_decode((char *)b, 3, &cp);
				if (len == 3)
					valid3++;
				wrong += !same_encoding(b, len, cp);
			}
	for (a = 0xF0; a <= 0xFF; a++)
		for (c = 0; c < sizeof grid; c++)
			for (d = 0; d < sizeof grid; d++)
				for (e = 0; e < sizeof grid; e++) {
					b[0] = (unsigned char)a;
					b[1] = grid[c];
					b[2] = grid[d];
					b[3] = grid[e];
					len = utf8_decode((char *)b, 4, &cp);
					if (len == 4)
						valid4++;
					wrong += !same_encoding(b, len, cp);
				}
	ck_assert_int_eq(wrong, 0);
	/* U+0800..U+FFFF less the 2048 surrogates. */
	ck_assert_int_eq(valid3, 0x10000 - 0x800 - 0x800);
	/*
	 * Six grid bytes are continuations (80 8F 90 9F A0 BF); as a second
	 * byte F0 takes four of them (90..BF), F1-F3 six, F4 two (80..8F).
	 */
	ck_assert_int_eq(valid4, (4 + 3 * 6 + 2) * 6 * 6);
}
END_TEST

START_TEST(test_encode_roundtrip)
{
	char buf[4];
	uint32_t cp, back;
	long wrong = 0;
	int len, want;

	for (cp = 1; cp <= 0x10FFFF; cp++) {
		len = utf8_encode(cp, buf);
		if (cp >= 0xD800 && cp <= 0xDFFF) {
			wrong += len != 0;
			continue;
		}
		want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		wrong += len != want;
		wrong += utf8_decode(buf, (size_t)len, &back) != len || back != cp;
	}
	ck_assert_int_eq(wrong, 0);
	ck_assert_int_eq(utf8_encode(0x110000, buf), 0);
	ck_assert_int_eq(utf8_encode(0xFFFFFFFF, buf), 0);
	ck_assert_int_eq(utf8_encode(0x4E09, buf), 3);
	ck_assert_int_eq(memcmp(buf, "三", 3), 0);
}
END_TEST

START_TEST(test_valid_offsets)
{
	size_t off = 99;

	ck_assert_int_eq(utf8_valid("", 0, &off), 1);
	ck_assert_int_eq(utf8_valid("张三 abc", strlen("张三 abc"), &off), 1);
	ck_assert_uint_eq(off, 99);	/* untouched when valid */
	ck_assert_int_eq(utf8_valid("张\xFF三", 7, &off), 0);
	ck_assert_uint_eq(off, 3);
	ck_assert_int_eq(utf8_valid("张三\xE4\xB8", 8, &off), 0);
	ck_assert_uint_eq(off, 6);
	ck_assert_int_eq(utf8_valid("ab\xC0\x80", 4, &off), 0);
	ck_assert_uint_eq(off, 2);
	ck_assert_int_eq(utf8_valid("a\xED\xA0\x80z", 5, &off), 0);
	ck_assert_uint_eq(off, 1);
	/* n, not the NUL, is the length; NUL is valid UTF-8. */
	ck_assert_int_eq(utf8_valid("a\0b", 3, &off), 1);
	ck_assert_int_eq(utf8_valid("张", 2, &off), 0);
	ck_assert_uint_eq(off, 0);
	ck_assert_int_eq(utf8_valid("\x80", 1, NULL), 0);
}
END_TEST

START_TEST(test_count)
{
	ck_assert_uint_eq(utf8_count(""), 0);
	ck_assert_uint_eq(utf8_count("abc"), 3);
	ck_assert_uint_eq(utf8_count("张三abc"), 5);
	ck_assert_uint_eq(utf8_count("𠀀𠀁"), 2);
	ck_assert_uint_eq(utf8_count("a\xFF\xFE" "b"), 4);
	ck_assert_uint_eq(utf8_count("\xE5\xBC"), 2);	/* truncated: 2 bad bytes */
}
END_TEST

START_TEST(test_is_han)
{
	static const uint32_t han[] = {
		0x5F20 /* 张 */, 0x4E00, 0x9FA5, 0x9FFF, 0x3400, 0x4DBF,
		0xF900 /* 豈 */, 0xFA6D, 0xFA70, 0x20000, 0x2A6DF, 0x2B740,
		0x2CEB0, 0x2F800, 0x30000, 0x323AF
	};
	static const uint32_t not_han[] = {
		'A', 0x3007 /* 〇 */, 0x3001 /* 、 */, 0x3002, 0x30A2 /* ア */,
		0xD55C /* 한 */, 0x4DC0 /* hexagram */, 0x33FF, 0xA000,
		0xFA6E, 0xFF01 /* ！ */, 0x2A6E0, 0x2FA1E, 0x323B0, 0x10FFFF
	};
	size_t i;

	for (i = 0; i < sizeof han / sizeof han[0]; i++)
		ck_assert_msg(utf8_is_han(han[i]), "U+%04X not Han", han[i]);
	for (i = 0; i < sizeof not_han / sizeof not_han[0]; i++)
		ck_assert_msg(!utf8_is_han(not_han[i]), "U+%04X Han", not_han[i]);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("text_utf8");
	TCase *tc = tcase_create("utf8");

	tcase_add_test(tc, test_decode_valid);
	tcase_add_test(tc, test_decode_end);
	tcase_add_test(tc, test_decode_rejects);
	tcase_add_test(tc, test_decode_exhaustive);
	tcase_add_test(tc, test_encode_roundtrip);
	tcase_add_test(tc, test_valid_offsets);
	tcase_add_test(tc, test_count);
	tcase_add_test(tc, test_is_han);
	suite_add_tcase(s, tc);
	return s;
}

/*
 * pinyin.c -- Han characters to toneless pinyin, for 拼音码 search: a
 * caseworker types "zs" or "zhangsan" to find 张三.
 *
 * Each character's reading comes from the generated table (its most
 * common reading, from ICU).  Names are read with surname rules first:
 * a compound surname (欧阳, 尉迟 ...) when at least one more Han
 * character follows it, else a single-character surname whose reading
 * as a surname differs from the common one (单 shan, not dan).  Ordinary
 * text uses a short list of words whose first character the table
 * misreads (重庆 chongqing, not zhongqing), so "cq" finds 重庆.
 *
 * Output rules: initials are the first letter of each syllable (zh, ch
 * and sh give z, c and s); ü is written v (吕 lv); ASCII letters are
 * kept, lower-cased; in names everything else (digits, ·, spaces) is
 * skipped, in text ASCII digits are kept too.  A Han character without a
 * reading is skipped.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "text/pinyin.h"
#include "text/pinyin_table.h"
#include "text/utf8.h"
#include "util/strbuf.h"

/*
 * Single-character surnames read differently from the character's common
 * reading.  Checked against the table and omitted because the table
 * already agrees (toneless): 华 hua, 任 ren, 沈 shen, 燕 yan, 纪 ji,
 * 谌 chen, 褚 chu, 眭 sui, 冼 xian, 柏 bai, 卜 bu, 传 chuan, 过 guo,
 * 车 che, 贾 jia, 莫 mo, 石 shi, 宿 su, 万 wan, and 尉 wei (alone it is
 * Wèi, as in 尉缭; Yù only in the compound 尉迟).
 */
static const struct pinyin_surname {
	const char *name;
	const char *reading;
} pinyin_surnames[] = {
	{ "单", "shan" },	/* dan */
	{ "曾", "zeng" },	/* ceng */
	{ "仇", "qiu" },	/* chou */
	{ "解", "xie" },	/* jie */
	{ "区", "ou" },		/* qu */
	{ "查", "zha" },	/* cha */
	{ "朴", "piao" },	/* pu */
	{ "盖", "ge" },		/* gai */
	{ "乐", "yue" },	/* le */
	{ "缪", "miao" },	/* mou */
	{ "翟", "zhai" },	/* di */
	{ "覃", "qin" },	/* tan */
	{ "员", "yun" },	/* yuan */
	{ "种", "chong" },	/* zhong */
	{ "秘", "bi" },		/* mi */
	{ "繁", "po" },		/* fan */
	{ "召", "shao" },	/* zhao */
	{ "能", "nai" },	/* neng */
	{ "黑", "he" },		/* hei */
	{ "隗", "wei" },	/* kui */
	{ "句", "gou" },	/* ju */
	{ "阚", "kan" },	/* han */
	{ "洗", "xian" },	/* xi */
	{ "蕃", "pi" },		/* fan */
	{ "折", "she" },	/* zhe */
	{ "薄", "bo" },		/* bao */
	{ "长", "chang" },	/* zhang */
	{ "都", "du" },		/* dou */
	{ "降", "xiang" },	/* jiang */
	{ "角", "jue" },	/* jiao */
	{ "藏", "zang" },	/* cang */
	{ "重", "chong" },	/* zhong */
	{ "乜", "nie" },	/* mie */
	{ "粘", "nian" },	/* zhan */
	{ "祭", "zhai" },	/* ji */
	{ "郇", "xun" },	/* huan */
	{ "宓", "fu" },		/* mi */
};

/*
 * Words read as a whole: compound surnames (for names) and words of
 * ordinary text whose characters the table misreads (for text).  Each
 * is two characters with a reading for each.
 */
struct pinyin_word {
	const char *word;
	const char *reading[2];
};

static const struct pinyin_word pinyin_compound_surnames[] = {
	{ "欧阳", { "ou", "yang" } },
	{ "司马", { "si", "ma" } },
	{ "上官", { "shang", "guan" } },
	{ "诸葛", { "zhu", "ge" } },
	{ "东方", { "dong", "fang" } },
	{ "皇甫", { "huang", "fu" } },
	{ "尉迟", { "yu", "chi" } },
	{ "公孙", { "gong", "sun" } },
	{ "令狐", { "ling", "hu" } },
	{ "长孙", { "zhang", "sun" } },
	{ "慕容", { "mu", "rong" } },
	{ "宇文", { "yu", "wen" } },
	{ "司徒", { "si", "tu" } },
	{ "司空", { "si", "kong" } },
	{ "夏侯", { "xia", "hou" } },
	{ "轩辕", { "xuan", "yuan" } },
	{ "端木", { "duan", "mu" } },
	{ "澹台", { "tan", "tai" } },
	{ "万俟", { "mo", "qi" } },
	{ "单于", { "chan", "yu" } },
	{ "呼延", { "hu", "yan" } },
	{ "闻人", { "wen", "ren" } },
	{ "南宫", { "nan", "gong" } },
	{ "西门", { "xi", "men" } },
	{ "百里", { "bai", "li" } },
	{ "东郭", { "dong", "guo" } },
	{ "公冶", { "gong", "ye" } },
	{ "赫连", { "he", "lian" } },
	{ "钟离", { "zhong", "li" } },
	{ "宗政", { "zong", "zheng" } },
	{ "濮阳", { "pu", "yang" } },
	{ "淳于", { "chun", "yu" } },
	{ "太叔", { "tai", "shu" } },
	{ "申屠", { "shen", "tu" } },
	{ "公羊", { "gong", "yang" } },
	{ "仲孙", { "zhong", "sun" } },
	{ "亓官", { "qi", "guan" } },
	{ "司寇", { "si", "kou" } },
	{ "子车", { "zi", "ju" } },
	{ "颛孙", { "zhuan", "sun" } },
	{ "乐正", { "yue", "zheng" } },
	{ "宰父", { "zai", "fu" } },
	{ "谷梁", { "gu", "liang" } },
	{ "拓跋", { "tuo", "ba" } },
	{ "夹谷", { "jia", "gu" } },
	{ "左丘", { "zuo", "qiu" } },
	{ "第五", { "di", "wu" } },
	{ "独孤", { "du", "gu" } },
	{ "贺兰", { "he", "lan" } },
	{ "段干", { "duan", "gan" } },
};

static const struct pinyin_word pinyin_text_words[] = {
	{ "重庆", { "chong", "qing" } },
	{ "长寿", { "chang", "shou" } },	/* the district */
	{ "长江", { "chang", "jiang" } },
	{ "长期", { "chang", "qi" } },	/* 长期失业 */
	{ "重新", { "chong", "xin" } },
	{ "成都", { "cheng", "du" } },
	{ "首都", { "shou", "du" } },
	{ "银行", { "yin", "hang" } },
	{ "音乐", { "yin", "yue" } },
};

/* Which characters pass through unread: names keep letters only. */
enum pinyin_mode {
	PINYIN_NAME,
	PINYIN_TEXT
};

/* Toneless reading of cp from the table, NULL if it has none. */
const char *
pinyin_of(uint32_t cp)
{
	const struct pinyin_segment *seg;
	size_t i;
	uint16_t n;

	if (cp == 0x3007)		/* 〇, used in dates and numbers */
		return "ling";
	for (i = 0; i < pinyin_segment_count; i++) {
		seg = &pinyin_segments[i];
		if (cp < seg->lo || cp > seg->hi)
			continue;
		n = pinyin_index[seg->start + (cp - seg->lo)];
		if (n == 0 || n > pinyin_syllable_count)
			return NULL;
		return pinyin_syllable_text + pinyin_syllable_off[n - 1];
	}
	return NULL;
}

/* Append reading, or only its first letter when initials is set. */
static void
pinyin_emit(strbuf *out, const char *reading, int initials)
{
	if (initials)
		sb_addc(out, reading[0]);
	else
		sb_add(out, reading);
}

/*
 * Append the pinyin of s: Han characters read from the table (or, in
 * text, from the word list), ASCII letters lower-cased, digits in text
 * mode, nothing else.
 */
static void
pinyin_append(const char *s, strbuf *out, int initials, enum pinyin_mode mode)
{
	const char *reading;
	size_t i, n;
	uint32_t cp;
	int len;

	while ((len = utf8_decode(s, 4, &cp)) != 0) {
		if (mode == PINYIN_TEXT) {
			n = sizeof pinyin_text_words / sizeof pinyin_text_words[0];
			for (i = 0; i < n; i++)
				if (strncmp(s, pinyin_text_words[i].word,
				    strlen(pinyin_text_words[i].word)) == 0)
					break;
			if (i < n) {
				pinyin_emit(out, pinyin_text_words[i].reading[0], initials);
				pinyin_emit(out, pinyin_text_words[i].reading[1], initials);
				s += strlen(pinyin_text_words[i].word);
				continue;
			}
		}
		s += len < 0 ? 1 : len;
		if ((cp >= 'a' && cp <= 'z') ||
		    (mode == PINYIN_TEXT && cp >= '0' && cp <= '9'))
			sb_addc(out, (char)cp);
		else if (cp >= 'A' && cp <= 'Z')
			sb_addc(out, (char)(cp - 'A' + 'a'));
		else if ((reading = pinyin_of(cp)) != NULL)
			pinyin_emit(out, reading, initials);
	}
}

/* Does s contain a Han character with a reading? */
static int
pinyin_has_han(const char *s)
{
	uint32_t cp;
	int len;

	while ((len = utf8_decode(s, 4, &cp)) != 0) {
		if (len > 0 && pinyin_of(cp) != NULL)
			return 1;
		s += len < 0 ? 1 : len;
	}
	return 0;
}

/* Read a personal name: surname rules, then the rest from the table. */
static void
pinyin_name(const char *name, strbuf *out, int initials)
{
	const struct pinyin_word *w;
	const struct pinyin_surname *sn;
	const char *p = name;
	size_t i, len;

	/* The surname is what follows any leading (ideographic) spaces. */
	for (;;) {
		if (*p == ' ' || *p == '\t')
			p++;
		else if (strncmp(p, "\xE3\x80\x80", 3) == 0)
			p += 3;
		else
			break;
	}
	for (i = 0; i < sizeof pinyin_compound_surnames /
	    sizeof pinyin_compound_surnames[0]; i++) {
		w = &pinyin_compound_surnames[i];
		len = strlen(w->word);
		if (strncmp(p, w->word, len) == 0 && pinyin_has_han(p + len)) {
			pinyin_emit(out, w->reading[0], initials);
			pinyin_emit(out, w->reading[1], initials);
			pinyin_append(p + len, out, initials, PINYIN_NAME);
			return;
		}
	}
	for (i = 0; i < sizeof pinyin_surnames / sizeof pinyin_surnames[0]; i++) {
		sn = &pinyin_surnames[i];
		len = strlen(sn->name);
		if (strncmp(p, sn->name, len) == 0) {
			pinyin_emit(out, sn->reading, initials);
			pinyin_append(p + len, out, initials, PINYIN_NAME);
			return;
		}
	}
	pinyin_append(p, out, initials, PINYIN_NAME);
}

/* Append the lower-case initials of a personal name: "单田芳" -> "stf". */
void
pinyin_name_initials(const char *name, strbuf *out)
{
	pinyin_name(name, out, 1);
}

/* Append the full toneless pinyin of a name, no separators: "zhangsan". */
void
pinyin_name_full(const char *name, strbuf *out)
{
	pinyin_name(name, out, 0);
}

/* Append the initials of ordinary text: "重庆市" -> "cqs". */
void
pinyin_text_initials(const char *text, strbuf *out)
{
	pinyin_append(text, out, 1, PINYIN_TEXT);
}

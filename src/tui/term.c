/*
 * term.c -- starting and stopping curses, refusing terminals that cannot
 * show Chinese.
 */
#include "config.h"

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui/theme.h"
#include "tui/tui.h"

static SCREEN *term_screen;

/*
 * Key sequences some terminals send that the terminfo entry in use may
 * not list: tmux and screen send Home/End as ESC [1~ / ESC [4~ (rxvt as
 * ESC [7~ / ESC [8~) even when TERM says xterm, whose entry expects
 * ESC OH / ESC OF.  Sequences terminfo already knows are left alone.
 */
static const struct {
	const char	*seq;
	int		 key;
} term_extra_keys[] = {
	{ "\033[1~", KEY_HOME },
	{ "\033[4~", KEY_END },
	{ "\033[7~", KEY_HOME },
	{ "\033[8~", KEY_END },
};

/* Teach curses the sequences above that it does not know yet. */
static void
term_define_keys(void)
{
	size_t i;

	for (i = 0; i < sizeof term_extra_keys / sizeof term_extra_keys[0]; i++)
		if (key_defined(term_extra_keys[i].seq) == 0)
			define_key(term_extra_keys[i].seq, term_extra_keys[i].key);
}

/*
 * Check the environment, then start curses.  Returns BF_OK, or an error
 * with a Chinese message saying what to change; the terminal is left as
 * it was on failure.
 */
int
term_start(bf_error *err)
{
	const char *codeset = nl_langinfo(CODESET);
	const char *term = getenv("TERM");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return err_set(err, BF_EUSAGE,
		    "终端界面需要在终端中运行（标准输入输出不是终端）。"
		    "非交互使用请用子命令，见 bangfu --help");
	if (codeset == NULL || strcmp(codeset, "UTF-8") != 0)
		return err_set(err, BF_EUSAGE,
		    "终端字符集不是 UTF-8（当前为 %s），无法正确显示中文。"
		    "请设置 LANG=zh_CN.UTF-8 或 LANG=C.UTF-8 后重试",
		    codeset != NULL ? codeset : "未知");
	if (term == NULL || term[0] == '\0' || strcmp(term, "dumb") == 0)
		return err_set(err, BF_EUSAGE,
		    "终端类型 TERM=%s 不支持全屏界面。请在支持光标移动的终端"
		    "（如 xterm、tmux、screen）中运行", term != NULL ? term : "");
	term_screen = newterm(NULL, stdout, stdin);
	if (term_screen == NULL)
		return err_set(err, BF_EUSAGE,
		    "无法初始化终端“%s”（terminfo 中没有这种终端）", term);
	set_term(term_screen);
#ifdef HAVE_SET_ESCDELAY
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);	/* Esc must feel instant; the default is 1 s */
#endif
	raw();			/* Ctrl-S and Ctrl-C reach us as keys */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	meta(stdscr, TRUE);
	term_define_keys();
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
	    | BUTTON5_PRESSED
#endif
	    , NULL);
	mouseinterval(0);
	theme_init();
	curs_set(0);
	return BF_OK;
}

/* Give the terminal back. */
void
term_stop(void)
{
	if (term_screen == NULL)
		return;
	curs_set(1);
	endwin();
	delscreen(term_screen);
	term_screen = NULL;
}

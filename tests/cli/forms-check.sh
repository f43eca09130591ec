#!/bin/sh
# forms-check.sh -- `bangfu forms check`: the shipped forms are clean (exit
# 0, one-line summary); a broken directory gives every problem as
# FILE:LINE:COLUMN: message and exit 1; usage errors exit 2.
. "${top_srcdir:-.}/tests/lib.sh"

out=$("$BANGFU" forms check "$top_srcdir/forms" 2>&1); rc=$?
is "$rc" 0 "shipped forms: exit 0"
like "$out" '^表单定义无误：11 个表单，[0-9]+ 个代码表（.*forms）。$' "shipped forms: one-line summary"
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 1 "shipped forms: nothing else printed"

out=$("$BANGFU" --forms "$top_srcdir/forms" forms check 2>&1); rc=$?
is "$rc" 0 "--forms DIR is used when no DIR is given"

out=$(cd "$top_srcdir/tests/fixtures" && "$BANGFU" forms check forms-broken/ 2>&1); rc=$?
is "$rc" 1 "broken forms: exit 1"
want='forms-broken/lists/civil.yaml:1:1: 名称“marital”应与文件名“civil.yaml”一致
forms-broken/lists/sex.yaml:6:5: 代码“2”重复（第 5 行已有）
forms-broken/person.yaml:13:9: 字段中有未知的键“colour”
forms-broken/person.yaml:17:18: 未知的代码表“gender”（lists/ 目录中没有）
forms-broken/person.yaml:21:18: 条件引用了不存在的字段“marital”
forms-broken/syntax.yaml:3:1: YAML 语法错误：没有找到预期的内容
共发现 6 个问题。'
is "$out" "$want" "broken forms: exact messages"

out=$("$BANGFU" forms check "$T/none" 2>&1); rc=$?
is "$rc" 1 "missing directory: exit 1"
like "$out" "none:1:1: 表单目录不存在或不可读" "missing directory: message"

"$BANGFU" forms >/dev/null 2>&1; is "$?" 2 "no subcommand: exit 2"
"$BANGFU" forms lint >/dev/null 2>&1; is "$?" 2 "unknown subcommand: exit 2"
out=$("$BANGFU" forms check a b 2>&1); rc=$?
is "$rc" 2 "two directories: exit 2"
like "$out" "用法：.* forms check \[目录\]" "usage line printed"

done_testing

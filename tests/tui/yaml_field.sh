#!/bin/sh
# yaml_field.sh -- a district adds a field only in YAML (微信号 on the
# person form) and, without rebuilding, it is entered in the form, saved,
# shown again in the person's file, exported, and imported back.
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/tui/tui_common.sh"
[ -n "$SQLITE3_BIN" ] || skip_all "sqlite3 not installed"

# A site copy of the forms with one more field after 固定电话.
cp -r "$top_srcdir/forms" "$T/site-forms"
awk '{ print }
/^      - id: landline$/ { inl = 1 }
inl && /^        column: landline$/ {
	print "      - id: wechat"
	print "        label: 微信号"
	print "        type: text"
	print "        max: 20"
	print "        aliases: [微信]"
	print "        help: 便于日常联系（选填）"
	inl = 0
}' "$top_srcdir/forms/person.yaml" > "$T/site-forms/person.yaml"
export BANGFU_FORMS="$T/site-forms"
out=$("$BANGFU" forms check "$BANGFU_FORMS"); rc=$?
is "$rc" 0 "the site's forms with 微信号 pass forms check"

e2e_db 20
e2e_start 80 24
id=$(e2e_id 50010119800505001)
tui_keys n
tui_expect "新登记：基本情况" "registration form"
tui_type "$id"
tui_keys Tab
tui_type "王大明"
# Walk to 微信号 by its help line, typing the required fields on the way.
n=0
while [ $n -lt 40 ]; do
	s=$(tui_screen | tail -3 | head -1)
	case $s in
	*文化程度：*) tui_type "初中"; tui_keys Enter ;;
	*常住地社区*) tui_type "华一坡"; tui_keys Enter ;;
	*常住地址：*|*Tab/Shift-Tab*常住地址*) ;;
	*微信号：*) break ;;
	esac
	tui_keys_settled Tab
	n=$((n + 1))
done
like "$(tui_screen)" "微信号" "the new field is on the form"
tui_type "wdm_1980"
tui_keys F2
tui_wait "有 [0-9]+ 处需要修改|一人一档" 5
# Fill whatever else the form still asks for (address, phone), then save.
for i in 1 2 3; do
	s=$(tui_screen | tail -2 | head -1)
	case $s in
	*常住地址*) tui_type "渝中区华一坡 1 号"; tui_keys F2 ;;
	*手机号码*) tui_type "13700001111"; tui_keys F2 ;;
	*) break ;;
	esac
	tui_wait "有 [0-9]+ 处需要修改|一人一档" 5
done
tui_expect "一人一档：王大明" "saved, the file opens"
tui_keys NPage
tui_expect "微信号：.*wdm_1980" "and shows 微信号 again"
is "$(sql "$DB" "SELECT json_extract(extra, '\$.wechat') FROM person WHERE citizen_id = '$id'")" \
	"wdm_1980" "stored in the person's extra fields"
tui_keys Escape q
tui_wait "\[exit 0\]" 5

"$BANGFU" --db "$DB" export --out "$T/out.csv" >/dev/null 2>&1
head -1 "$T/out.csv" | grep -q "微信号"
ok $? "the export has a 微信号 column"
grep -q "wdm_1980" "$T/out.csv"
ok $? "with the value"

# The same column imports into a fresh database.
"$BANGFU" --db "$T/fresh.db" init >/dev/null 2>&1
"$BANGFU" --db "$DB" export --full --out "$T/full.csv" >/dev/null 2>&1
"$BANGFU" --db "$T/fresh.db" import "$T/full.csv" >/dev/null 2>&1
is "$(sql "$T/fresh.db" "SELECT json_extract(extra, '\$.wechat') FROM person WHERE citizen_id = '$id'")" \
	"wdm_1980" "and imports back into another database"
done_testing

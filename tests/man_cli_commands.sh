#!/usr/bin/env bash
# certdesk-cli.1 cannot rot silently: every command that 'certdesk-cli --help'
# lists has its own entry (".B COMMAND ..." after a .TP) in the page, every
# option of every command's help and every global option is in the page, and
# the page lists no command the program no longer has.
#   man_cli_commands.sh CERTDESK_CLI PAGE
set -euo pipefail
(($# == 2)) || { echo "usage: man_cli_commands.sh CERTDESK_CLI PAGE" >&2; exit 2; }
cli=$1
page=$2
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset LANGUAGE

help=$("$cli" --help)
# The lines under "Commands:" up to the blank line: "  user add     Add a user…".
mapfile -t commands < <(awk '/^Commands:$/ { inside = 1; next }
                             inside && /^$/ { exit }
                             inside { sub(/^  /, ""); sub(/  +.*$/, ""); print }' <<<"$help")
((${#commands[@]} >= 10)) || {
  echo "could not read the commands of '$cli --help':" >&2
  printf '%s\n' "$help" >&2
  exit 1
}

# The page's command entries: the line after each .TP in COMMANDS, as
# ".B user add \fIEMAIL ..." -> "user add" (the words before the arguments).
mapfile -t entries < <(awk '/^\.SH / { inside = ($2 == "COMMANDS") }
                            inside && after_tp && /^\.B / {
                              line = substr($0, 4)
                              gsub(/\\-/, "-", line)
                              sub(/( +(\\f|-|\[)|\\f).*$/, "", line)
                              print line
                            }
                            { after_tp = inside && /^\.TP/ }' "$page")
# The text of the page with roff escapes for dashes and fonts removed.
text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\&//g' "$page")

failed=0
declare -A listed=()
for command in "${commands[@]}"; do
  listed[$command]=1
  found=0
  for entry in "${entries[@]}"; do [[ $entry == "$command" ]] && found=1; done
  if ((!found)); then
    echo "$page has no entry for the command '$command' (a .TP then '.B $command ...')" >&2
    failed=1
    continue
  fi
  # shellcheck disable=SC2086 # a command is one or two words
  mapfile -t options < <("$cli" help $command |
    awk '/^Options:$/ { inside = 1; next } inside && /^$/ { exit }
         inside && /^  --/ { print $1 }')
  for option in "${options[@]}"; do
    if [[ $text != *"$option"* ]]; then
      echo "$page does not mention $option of '$command'" >&2
      failed=1
    fi
  done
done
for option in --db --as --json --help --version; do
  [[ $help == *"$option"* ]] || { echo "'$cli --help' no longer lists $option" >&2; failed=1; }
  [[ $text == *"$option"* ]] || { echo "$page does not mention the global option $option" >&2; failed=1; }
done
for entry in "${entries[@]}"; do
  if [[ -z ${listed[$entry]:-} && $entry != help ]]; then
    echo "$page lists '$entry', which '$cli --help' does not" >&2
    failed=1
  fi
done
((failed == 0)) || exit 1
echo "certdesk-cli.1 has all ${#commands[@]} commands of the help, and their options"

# bash completion for gongkai — installed as
# $(PREFIX)/share/bash-completion/completions/gongkai.
# Commands and options are read from `gongkai --help` and
# `gongkai COMMAND --help`, so they never drift from the program.

_gongkai_commands()
{
    "$1" --help 2>/dev/null | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p'
}

# The formats a command's --format takes, as its --help lists them
# ("-f, --format=FORMAT  json, jsonl or csv (…)").
_gongkai_formats()
{
    "$1" "$2" --help 2>/dev/null | sed -n 's/^ *-f, --format=FORMAT  *\([a-z][a-z, ]*[a-z]\).*/\1/p' | sed 's/,/ /g; s/ or / /g'
}

_gongkai_options()
{
    "$1" "$2" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u
}

_gongkai()
{
    local cur prev words cword
    if declare -F _init_completion >/dev/null; then
        _init_completion || return
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD-1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi
    local prog=${words[0]}

    if (( cword == 1 )); then
        COMPREPLY=($(compgen -W "$(_gongkai_commands "$prog") --version --help" -- "$cur"))
        return
    fi
    local cmd=${words[1]}

    case $prev in
        --format|-f)
            case $cmd in
                extract|export) COMPREPLY=($(compgen -W "$(_gongkai_formats "$prog" "$cmd")" -- "$cur")) ;;
                compare) COMPREPLY=($(compgen -W "html csv" -- "$cur")) ;;
            esac
            return ;;
        --ocr)
            COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
            return ;;
        --crops)
            COMPREPLY=($(compgen -W "all failing none" -- "$cur"))
            return ;;
        --models|--root)
            COMPREPLY=($(compgen -d -- "$cur"))
            return ;;
        --output|-o)
            [[ $cmd == extract ]] && COMPREPLY=($(compgen -d -- "$cur")) || COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --db|--files-from)
            COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --password|--jobs|-j|--max-pages|--max-seconds|--max-mb|--max-pixels|--max-mb-ram|--issuer|--title|--dismiss|--confirm)
            return ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_gongkai_options "$prog" "$cmd")" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _gongkai gongkai

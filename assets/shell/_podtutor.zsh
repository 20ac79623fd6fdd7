#compdef podtutor

autoload -U is-at-least

_podtutor() {
    typeset -A opt_args
    typeset -a _arguments_options
    local ret=1

    if is-at-least 5.2; then
        _arguments_options=(-s -S -C)
    else
        _arguments_options=(-s -C)
    fi

    local context curcontext="$curcontext" state line
    _arguments "${_arguments_options[@]}" : \
'--lesson=[Use this lesson file instead of the built-in lesson]:FILE:_files' \
'(--lesson)--lessons=[Run every lesson in this directory as a pack, from a catalog page (with its optional pack.toml\: title, order, required lessons, modes)]:DIR:_files' \
'--start-at=[Open at this section (ids as \`podtutor outline\` prints them); with --lessons, LESSON_ID/SECTION_ID, or LESSON_ID for that lesson'\''s start]:SECTION_ID:_default' \
'--progress-file=[Where progress is kept (default\: progress.toml in your data directory)]:PATH:_files' \
'(--progress-file)--learner=[Keep this learner'\''s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)]:NAME:_default' \
'--theme=[Colours\: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal'\''s own colours when neither says). Saved with your progress]:NAME:_default' \
'--ascii[Show only ASCII\: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)]' \
'--reduce-motion[Show animations one key moment at a time, advanced by keys, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)]' \
'--no-confidence[Do not ask how sure you are before each answer is revealed (this run only; \`x\` at the question switches it off for good)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_podtutor_commands" \
"*::: :->podtutor" \
&& ret=0
    case $state in
    (podtutor)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:podtutor-command-$line[1]:"
        case $line[1] in
            (read)
_arguments "${_arguments_options[@]}" : \
'--width=[Wrap to this many columns (default\: the terminal'\''s width, or 80)]:N:_default' \
'--lesson=[Use this lesson file instead of the built-in lesson]:FILE:_files' \
'--ascii[Print only ASCII\: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)]' \
'(--no-answers --answers-only)--cheat-sheet[Print only the cheat sheet\: takeaways, each pitfall'\''s fix, the kubectl commands]' \
'(--answers-only)--no-answers[A worksheet\: every question with its choices and the recall cards'\'' prompts, with no answers or explanations]' \
'--answers-only[The answer key\: each question'\''s right answer with a short explanation, numbered as in --no-answers]' \
'-h[Print help]' \
'--help[Print help]' \
&& ret=0
;;
(lint)
_arguments "${_arguments_options[@]}" : \
'--strict[Also check teaching quality\: enough true fact-or-myth claims, right answers not given away by length, position or a verdict word (docs/lesson-format.md)]' \
'--ascii[Print only ASCII\: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)]' \
'-h[Print help]' \
'--help[Print help]' \
'*::files -- Lesson files, or lesson directories (packs), to check:_files' \
&& ret=0
;;
(scenes)
_arguments "${_arguments_options[@]}" : \
'--lesson=[Use this lesson file instead of the built-in lesson]:FILE:_files' \
'(--lesson)--lessons=[Run every lesson in this directory as a pack, from a catalog page (with its optional pack.toml\: title, order, required lessons, modes)]:DIR:_files' \
'--start-at=[Open at this section (ids as \`podtutor outline\` prints them); with --lessons, LESSON_ID/SECTION_ID, or LESSON_ID for that lesson'\''s start]:SECTION_ID:_default' \
'--progress-file=[Where progress is kept (default\: progress.toml in your data directory)]:PATH:_files' \
'(--progress-file)--learner=[Keep this learner'\''s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)]:NAME:_default' \
'--theme=[Colours\: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal'\''s own colours when neither says). Saved with your progress]:NAME:_default' \
'--ascii[Show only ASCII\: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)]' \
'--reduce-motion[Show animations one key moment at a time, advanced by keys, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)]' \
'--no-confidence[Do not ask how sure you are before each answer is revealed (this run only; \`x\` at the question switches it off for good)]' \
'-h[Print help]' \
'--help[Print help]' \
&& ret=0
;;
(cheat-sheet)
_arguments "${_arguments_options[@]}" : \
'--lesson=[Use this lesson file instead of the built-in lesson]:FILE:_files' \
'(--lesson)--lessons=[Run every lesson in this directory as a pack, from a catalog page (with its optional pack.toml\: title, order, required lessons, modes)]:DIR:_files' \
'--start-at=[Open at this section (ids as \`podtutor outline\` prints them); with --lessons, LESSON_ID/SECTION_ID, or LESSON_ID for that lesson'\''s start]:SECTION_ID:_default' \
'--progress-file=[Where progress is kept (default\: progress.toml in your data directory)]:PATH:_files' \
'(--progress-file)--learner=[Keep this learner'\''s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)]:NAME:_default' \
'--theme=[Colours\: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal'\''s own colours when neither says). Saved with your progress]:NAME:_default' \
'--ascii[Show only ASCII\: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)]' \
'--reduce-motion[Show animations one key moment at a time, advanced by keys, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)]' \
'--no-confidence[Do not ask how sure you are before each answer is revealed (this run only; \`x\` at the question switches it off for good)]' \
'-h[Print help]' \
'--help[Print help]' \
&& ret=0
;;
(cheat)
_arguments "${_arguments_options[@]}" : \
'--lesson=[Use this lesson file instead of the built-in lesson]:FILE:_files' \
'(--lesson)--lessons=[Run every lesson in this directory as a pack, from a catalog page (with its optional pack.toml\: title, order, required lessons, modes)]:DIR:_files' \
'--start-at=[Open at this section (ids as \`podtutor outline\` prints them); with --lessons, LESSON_ID/SECTION_ID, or LESSON_ID for that lesson'\''s start]:SECTION_ID:_default' \
'--progress-file=[Where progress is kept (default\: progress.toml in your data directory)]:PATH:_files' \
'(--progress-file)--learner=[Keep this learner'\''s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)]:NAME:_default' \
'--theme=[Colours\: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal'\''s own colours when neither says). Saved with your progress]:NAME:_default' \
'--ascii[Show only ASCII\: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)]' \
'--reduce-motion[Show animations one key moment at a time, advanced by keys, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)]' \
'--no-confidence[Do not ask how sure you are before each answer is revealed (this run only; \`x\` at the question switches it off for good)]' \
'-h[Print help]' \
'--help[Print help]' \
&& ret=0
;;
(progress)
_arguments "${_arguments_options[@]}" : \
'--progress-file=[Where progress is kept (default\: progress.toml in your data directory)]:PATH:_files' \
'(--progress-file)--learner=[Show (or reset) this learner'\''s progress (see \`podtutor --learner\`)]:NAME:_default' \
'--lesson=[The lesson file whose titles and questions to show (default\: the built-in lesson). With --reset\: the lesson to reset, as a file or as its id (shown in brackets by \`podtutor progress\`)]:FILE|ID:_files' \
'--json[Print the progress as JSON (for scripts and exports)]' \
'--reset[Start over\: the current file is kept as a backup. Needs --yes. With --lesson, only that lesson starts over]' \
'--yes[Confirm --reset]' \
'--ascii[Print only ASCII\: marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)]' \
'-h[Print help]' \
'--help[Print help]' \
&& ret=0
;;
(scene)
_arguments "${_arguments_options[@]}" : \
'--width=[Width to draw at (default\: the terminal'\''s width, or 80)]:N:_default' \
'--lesson=[Use this lesson file instead of the built-in lesson]:FILE:_files' \
'--ascii[Print only ASCII\: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)]' \
'-h[Print help]' \
'--help[Print help]' \
':name -- A scene name, or `list` to list them:_default' \
&& ret=0
;;
(room)
_arguments "${_arguments_options[@]}" : \
'--lesson=[The lesson to report on\: a lesson file, or a lesson'\''s id in the --lessons pack (or among the built-in lessons). Default\: the built-in lesson, or the only lesson of the pack]:FILE|ID:_default' \
'--lessons=[A lesson pack directory (as the tutor'\''s --lessons); --lesson ID picks one of its lessons]:DIR:_files' \
'(--csv)--json[Print the report as JSON]' \
'--csv[Print the report as CSV for a spreadsheet (questions, then learners, then skipped files)]' \
'--ascii[Print only ASCII (also chosen when the locale is not UTF-8)]' \
'-h[Print help]' \
'--help[Print help]' \
'*::paths -- Progress files, or directories of them:_files' \
&& ret=0
;;
(outline)
_arguments "${_arguments_options[@]}" : \
'--lesson=[Use this lesson file instead of the built-in lesson]:FILE:_files' \
'(--lesson)--lessons=[Every lesson of this pack directory, ids written LESSON_ID/SECTION_ID as \`--start-at\` takes them with --lessons]:DIR:_files' \
'--ascii[Print only ASCII (also chosen when the locale is not UTF-8)]' \
'-h[Print help]' \
'--help[Print help]' \
&& ret=0
;;
(lab)
_arguments "${_arguments_options[@]}" : \
'--lesson=[Use this lesson file instead of the built-in lesson]:FILE:_files' \
'(--lesson)--lessons=[Run every lesson in this directory as a pack, from a catalog page (with its optional pack.toml\: title, order, required lessons, modes)]:DIR:_files' \
'--start-at=[Open at this section (ids as \`podtutor outline\` prints them); with --lessons, LESSON_ID/SECTION_ID, or LESSON_ID for that lesson'\''s start]:SECTION_ID:_default' \
'--progress-file=[Where progress is kept (default\: progress.toml in your data directory)]:PATH:_files' \
'(--progress-file)--learner=[Keep this learner'\''s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)]:NAME:_default' \
'--theme=[Colours\: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal'\''s own colours when neither says). Saved with your progress]:NAME:_default' \
'--ascii[Show only ASCII\: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)]' \
'--reduce-motion[Show animations one key moment at a time, advanced by keys, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)]' \
'--no-confidence[Do not ask how sure you are before each answer is revealed (this run only; \`x\` at the question switches it off for good)]' \
'-h[Print help]' \
'--help[Print help]' \
'::name -- A mission id to open, or `list` to print the missions:_default' \
&& ret=0
;;
(quiz)
_arguments "${_arguments_options[@]}" : \
'--lesson=[Use this lesson file instead of the built-in lesson]:FILE:_files' \
'--progress-file=[Where progress is kept (default\: progress.toml in your data directory)]:PATH:_files' \
'(--progress-file)--learner=[Keep this learner'\''s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)]:NAME:_default' \
'--theme=[Colours\: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal'\''s own colours when neither says). Saved with your progress]:NAME:_default' \
'--ascii[Show only ASCII\: marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)]' \
'--reduce-motion[Show animations one key moment at a time, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)]' \
'--no-confidence[Do not ask how sure you are before each answer is revealed (this run only; placement asks anyway\: a lucky guess must not skip a section)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(review)
_arguments "${_arguments_options[@]}" : \
'--lesson=[Use this lesson file instead of the built-in lesson]:FILE:_files' \
'--progress-file=[Where progress is kept (default\: progress.toml in your data directory)]:PATH:_files' \
'(--progress-file)--learner=[Keep this learner'\''s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)]:NAME:_default' \
'--theme=[Colours\: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal'\''s own colours when neither says). Saved with your progress]:NAME:_default' \
'--cram[Review everything, due or not, the least well remembered first; answers are not recorded, so no review date moves]' \
'--ascii[Show only ASCII\: marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)]' \
'--reduce-motion[Show animations one key moment at a time, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)]' \
'--no-confidence[Do not ask how sure you are before each answer is revealed (this run only; placement asks anyway\: a lucky guess must not skip a section)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(placement)
_arguments "${_arguments_options[@]}" : \
'--lesson=[Use this lesson file instead of the built-in lesson]:FILE:_files' \
'--progress-file=[Where progress is kept (default\: progress.toml in your data directory)]:PATH:_files' \
'(--progress-file)--learner=[Keep this learner'\''s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)]:NAME:_default' \
'--theme=[Colours\: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal'\''s own colours when neither says). Saved with your progress]:NAME:_default' \
'--ascii[Show only ASCII\: marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)]' \
'--reduce-motion[Show animations one key moment at a time, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)]' \
'--no-confidence[Do not ask how sure you are before each answer is revealed (this run only; placement asks anyway\: a lucky guess must not skip a section)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(completions)
_arguments "${_arguments_options[@]}" : \
'-h[Print help]' \
'--help[Print help]' \
':shell -- The shell to complete in:(bash zsh fish powershell)' \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
'-h[Print help]' \
'--help[Print help]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_podtutor__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:podtutor-help-command-$line[1]:"
        case $line[1] in
            (read)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(lint)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(scenes)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(cheat-sheet)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(progress)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(scene)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(room)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(outline)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(lab)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(quiz)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(review)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(placement)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(completions)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
}

(( $+functions[_podtutor_commands] )) ||
_podtutor_commands() {
    local commands; commands=(
'read:Print the whole lesson as plain text (for reading, printing and screen readers)' \
'lint:Check lesson files and report every problem as FILE\:LINE\:COL' \
'scenes:Open the tutor on the scenes gallery\: every animated scene, to watch and play with' \
'cheat-sheet:Open the tutor on the cheat sheet\: the takeaways, each pitfall'\''s fix and the kubectl commands that matter, on one screen' \
'cheat:Open the tutor on the cheat sheet\: the takeaways, each pitfall'\''s fix and the kubectl commands that matter, on one screen' \
'progress:Show saved progress, export it as JSON, or start over' \
'scene:List the animated scenes, or print one moment by moment' \
'room:The room report\: how a class did in a lesson, from the learners'\'' progress files (read-only\: no lock, nothing renamed or rewritten)' \
'outline:Print the lesson'\''s sections by id and title (for instructors)' \
'lab:Practise kubectl on a simulated Pod\: missions checked against what you achieve (offline; no cluster needed)' \
'quiz:A quiz\: every question of the lesson without the lesson'\''s text, in mixed order; ends with your score and your misses, which you can try again' \
'review:Review what is due\: the questions and cards whose spaced-repetition date has come (with --cram\: everything, without changing any date)' \
'placement:A short placement test (about 8 questions across the levels)\: sections you answer right and sure are marked known, and the lesson skips them' \
'completions:Print a shell completion script' \
'man:Print the manual page (roff), made from the same definitions as --help' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'podtutor commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__cheat-sheet_commands] )) ||
_podtutor__subcmd__cheat-sheet_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor cheat-sheet commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__completions_commands] )) ||
_podtutor__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor completions commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__help_commands] )) ||
_podtutor__subcmd__help_commands() {
    local commands; commands=(
'read:Print the whole lesson as plain text (for reading, printing and screen readers)' \
'lint:Check lesson files and report every problem as FILE\:LINE\:COL' \
'scenes:Open the tutor on the scenes gallery\: every animated scene, to watch and play with' \
'cheat-sheet:Open the tutor on the cheat sheet\: the takeaways, each pitfall'\''s fix and the kubectl commands that matter, on one screen' \
'progress:Show saved progress, export it as JSON, or start over' \
'scene:List the animated scenes, or print one moment by moment' \
'room:The room report\: how a class did in a lesson, from the learners'\'' progress files (read-only\: no lock, nothing renamed or rewritten)' \
'outline:Print the lesson'\''s sections by id and title (for instructors)' \
'lab:Practise kubectl on a simulated Pod\: missions checked against what you achieve (offline; no cluster needed)' \
'quiz:A quiz\: every question of the lesson without the lesson'\''s text, in mixed order; ends with your score and your misses, which you can try again' \
'review:Review what is due\: the questions and cards whose spaced-repetition date has come (with --cram\: everything, without changing any date)' \
'placement:A short placement test (about 8 questions across the levels)\: sections you answer right and sure are marked known, and the lesson skips them' \
'completions:Print a shell completion script' \
'man:Print the manual page (roff), made from the same definitions as --help' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'podtutor help commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__help__subcmd__cheat-sheet_commands] )) ||
_podtutor__subcmd__help__subcmd__cheat-sheet_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor help cheat-sheet commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__help__subcmd__completions_commands] )) ||
_podtutor__subcmd__help__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor help completions commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__help__subcmd__help_commands] )) ||
_podtutor__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor help help commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__help__subcmd__lab_commands] )) ||
_podtutor__subcmd__help__subcmd__lab_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor help lab commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__help__subcmd__lint_commands] )) ||
_podtutor__subcmd__help__subcmd__lint_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor help lint commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__help__subcmd__man_commands] )) ||
_podtutor__subcmd__help__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor help man commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__help__subcmd__outline_commands] )) ||
_podtutor__subcmd__help__subcmd__outline_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor help outline commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__help__subcmd__placement_commands] )) ||
_podtutor__subcmd__help__subcmd__placement_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor help placement commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__help__subcmd__progress_commands] )) ||
_podtutor__subcmd__help__subcmd__progress_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor help progress commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__help__subcmd__quiz_commands] )) ||
_podtutor__subcmd__help__subcmd__quiz_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor help quiz commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__help__subcmd__read_commands] )) ||
_podtutor__subcmd__help__subcmd__read_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor help read commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__help__subcmd__review_commands] )) ||
_podtutor__subcmd__help__subcmd__review_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor help review commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__help__subcmd__room_commands] )) ||
_podtutor__subcmd__help__subcmd__room_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor help room commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__help__subcmd__scene_commands] )) ||
_podtutor__subcmd__help__subcmd__scene_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor help scene commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__help__subcmd__scenes_commands] )) ||
_podtutor__subcmd__help__subcmd__scenes_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor help scenes commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__lab_commands] )) ||
_podtutor__subcmd__lab_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor lab commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__lint_commands] )) ||
_podtutor__subcmd__lint_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor lint commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__man_commands] )) ||
_podtutor__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor man commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__outline_commands] )) ||
_podtutor__subcmd__outline_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor outline commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__placement_commands] )) ||
_podtutor__subcmd__placement_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor placement commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__progress_commands] )) ||
_podtutor__subcmd__progress_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor progress commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__quiz_commands] )) ||
_podtutor__subcmd__quiz_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor quiz commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__read_commands] )) ||
_podtutor__subcmd__read_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor read commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__review_commands] )) ||
_podtutor__subcmd__review_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor review commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__room_commands] )) ||
_podtutor__subcmd__room_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor room commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__scene_commands] )) ||
_podtutor__subcmd__scene_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor scene commands' commands "$@"
}
(( $+functions[_podtutor__subcmd__scenes_commands] )) ||
_podtutor__subcmd__scenes_commands() {
    local commands; commands=()
    _describe -t commands 'podtutor scenes commands' commands "$@"
}

if [ "$funcstack[1]" = "_podtutor" ]; then
    _podtutor "$@"
else
    compdef _podtutor podtutor
fi

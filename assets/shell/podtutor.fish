# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_podtutor_global_optspecs
    string join \n lesson= lessons= start-at= progress-file= learner= ascii reduce-motion no-confidence theme= h/help V/version
end

function __fish_podtutor_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_podtutor_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_podtutor_using_subcommand
    set -l cmd (__fish_podtutor_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c podtutor -n "__fish_podtutor_needs_command" -l lesson -d 'Use this lesson file instead of the built-in lesson' -r -F
complete -c podtutor -n "__fish_podtutor_needs_command" -l lessons -d 'Run every lesson in this directory as a pack, from a catalog page (with its optional pack.toml: title, order, required lessons, modes)' -r -F
complete -c podtutor -n "__fish_podtutor_needs_command" -l start-at -d 'Open at this section (ids as `podtutor outline` prints them); with --lessons, LESSON_ID/SECTION_ID, or LESSON_ID for that lesson\'s start' -r
complete -c podtutor -n "__fish_podtutor_needs_command" -l progress-file -d 'Where progress is kept (default: progress.toml in your data directory)' -r -F
complete -c podtutor -n "__fish_podtutor_needs_command" -l learner -d 'Keep this learner\'s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)' -r
complete -c podtutor -n "__fish_podtutor_needs_command" -l theme -d 'Colours: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal\'s own colours when neither says). Saved with your progress' -r
complete -c podtutor -n "__fish_podtutor_needs_command" -l ascii -d 'Show only ASCII: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)'
complete -c podtutor -n "__fish_podtutor_needs_command" -l reduce-motion -d 'Show animations one key moment at a time, advanced by keys, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)'
complete -c podtutor -n "__fish_podtutor_needs_command" -l no-confidence -d 'Do not ask how sure you are before each answer is revealed (this run only; `x` at the question switches it off for good)'
complete -c podtutor -n "__fish_podtutor_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c podtutor -n "__fish_podtutor_needs_command" -s V -l version -d 'Print version'
complete -c podtutor -n "__fish_podtutor_needs_command" -f -a "read" -d 'Print the whole lesson as plain text (for reading, printing and screen readers)'
complete -c podtutor -n "__fish_podtutor_needs_command" -f -a "lint" -d 'Check lesson files and report every problem as FILE:LINE:COL'
complete -c podtutor -n "__fish_podtutor_needs_command" -f -a "scenes" -d 'Open the tutor on the scenes gallery: every animated scene, to watch and play with'
complete -c podtutor -n "__fish_podtutor_needs_command" -f -a "cheat-sheet" -d 'Open the tutor on the cheat sheet: the takeaways, each pitfall\'s fix and the kubectl commands that matter, on one screen'
complete -c podtutor -n "__fish_podtutor_needs_command" -f -a "cheat" -d 'Open the tutor on the cheat sheet: the takeaways, each pitfall\'s fix and the kubectl commands that matter, on one screen'
complete -c podtutor -n "__fish_podtutor_needs_command" -f -a "progress" -d 'Show saved progress, export it as JSON, or start over'
complete -c podtutor -n "__fish_podtutor_needs_command" -f -a "scene" -d 'List the animated scenes, or print one moment by moment'
complete -c podtutor -n "__fish_podtutor_needs_command" -f -a "room" -d 'The room report: how a class did in a lesson, from the learners\' progress files (read-only: no lock, nothing renamed or rewritten)'
complete -c podtutor -n "__fish_podtutor_needs_command" -f -a "outline" -d 'Print the lesson\'s sections by id and title (for instructors)'
complete -c podtutor -n "__fish_podtutor_needs_command" -f -a "lab" -d 'Practise kubectl on a simulated Pod: missions checked against what you achieve (offline; no cluster needed)'
complete -c podtutor -n "__fish_podtutor_needs_command" -f -a "quiz" -d 'A quiz: every question of the lesson without the lesson\'s text, in mixed order; ends with your score and your misses, which you can try again'
complete -c podtutor -n "__fish_podtutor_needs_command" -f -a "review" -d 'Review what is due: the questions and cards whose spaced-repetition date has come (with --cram: everything, without changing any date)'
complete -c podtutor -n "__fish_podtutor_needs_command" -f -a "placement" -d 'A short placement test (about 8 questions across the levels): sections you answer right and sure are marked known, and the lesson skips them'
complete -c podtutor -n "__fish_podtutor_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c podtutor -n "__fish_podtutor_needs_command" -f -a "man" -d 'Print the manual page (roff), made from the same definitions as --help'
complete -c podtutor -n "__fish_podtutor_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c podtutor -n "__fish_podtutor_using_subcommand read" -l width -d 'Wrap to this many columns (default: the terminal\'s width, or 80)' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand read" -l lesson -d 'Use this lesson file instead of the built-in lesson' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand read" -l ascii -d 'Print only ASCII: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)'
complete -c podtutor -n "__fish_podtutor_using_subcommand read" -l cheat-sheet -d 'Print only the cheat sheet: takeaways, each pitfall\'s fix, the kubectl commands'
complete -c podtutor -n "__fish_podtutor_using_subcommand read" -l no-answers -d 'A worksheet: every question with its choices and the recall cards\' prompts, with no answers or explanations'
complete -c podtutor -n "__fish_podtutor_using_subcommand read" -l answers-only -d 'The answer key: each question\'s right answer with a short explanation, numbered as in --no-answers'
complete -c podtutor -n "__fish_podtutor_using_subcommand read" -s h -l help -d 'Print help'
complete -c podtutor -n "__fish_podtutor_using_subcommand lint" -l strict -d 'Also check teaching quality: enough true fact-or-myth claims, right answers not given away by length, position or a verdict word (docs/lesson-format.md)'
complete -c podtutor -n "__fish_podtutor_using_subcommand lint" -l ascii -d 'Print only ASCII: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)'
complete -c podtutor -n "__fish_podtutor_using_subcommand lint" -s h -l help -d 'Print help'
complete -c podtutor -n "__fish_podtutor_using_subcommand scenes" -l lesson -d 'Use this lesson file instead of the built-in lesson' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand scenes" -l lessons -d 'Run every lesson in this directory as a pack, from a catalog page (with its optional pack.toml: title, order, required lessons, modes)' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand scenes" -l start-at -d 'Open at this section (ids as `podtutor outline` prints them); with --lessons, LESSON_ID/SECTION_ID, or LESSON_ID for that lesson\'s start' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand scenes" -l progress-file -d 'Where progress is kept (default: progress.toml in your data directory)' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand scenes" -l learner -d 'Keep this learner\'s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand scenes" -l theme -d 'Colours: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal\'s own colours when neither says). Saved with your progress' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand scenes" -l ascii -d 'Show only ASCII: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)'
complete -c podtutor -n "__fish_podtutor_using_subcommand scenes" -l reduce-motion -d 'Show animations one key moment at a time, advanced by keys, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)'
complete -c podtutor -n "__fish_podtutor_using_subcommand scenes" -l no-confidence -d 'Do not ask how sure you are before each answer is revealed (this run only; `x` at the question switches it off for good)'
complete -c podtutor -n "__fish_podtutor_using_subcommand scenes" -s h -l help -d 'Print help'
complete -c podtutor -n "__fish_podtutor_using_subcommand cheat-sheet" -l lesson -d 'Use this lesson file instead of the built-in lesson' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand cheat-sheet" -l lessons -d 'Run every lesson in this directory as a pack, from a catalog page (with its optional pack.toml: title, order, required lessons, modes)' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand cheat-sheet" -l start-at -d 'Open at this section (ids as `podtutor outline` prints them); with --lessons, LESSON_ID/SECTION_ID, or LESSON_ID for that lesson\'s start' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand cheat-sheet" -l progress-file -d 'Where progress is kept (default: progress.toml in your data directory)' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand cheat-sheet" -l learner -d 'Keep this learner\'s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand cheat-sheet" -l theme -d 'Colours: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal\'s own colours when neither says). Saved with your progress' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand cheat-sheet" -l ascii -d 'Show only ASCII: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)'
complete -c podtutor -n "__fish_podtutor_using_subcommand cheat-sheet" -l reduce-motion -d 'Show animations one key moment at a time, advanced by keys, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)'
complete -c podtutor -n "__fish_podtutor_using_subcommand cheat-sheet" -l no-confidence -d 'Do not ask how sure you are before each answer is revealed (this run only; `x` at the question switches it off for good)'
complete -c podtutor -n "__fish_podtutor_using_subcommand cheat-sheet" -s h -l help -d 'Print help'
complete -c podtutor -n "__fish_podtutor_using_subcommand cheat" -l lesson -d 'Use this lesson file instead of the built-in lesson' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand cheat" -l lessons -d 'Run every lesson in this directory as a pack, from a catalog page (with its optional pack.toml: title, order, required lessons, modes)' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand cheat" -l start-at -d 'Open at this section (ids as `podtutor outline` prints them); with --lessons, LESSON_ID/SECTION_ID, or LESSON_ID for that lesson\'s start' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand cheat" -l progress-file -d 'Where progress is kept (default: progress.toml in your data directory)' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand cheat" -l learner -d 'Keep this learner\'s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand cheat" -l theme -d 'Colours: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal\'s own colours when neither says). Saved with your progress' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand cheat" -l ascii -d 'Show only ASCII: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)'
complete -c podtutor -n "__fish_podtutor_using_subcommand cheat" -l reduce-motion -d 'Show animations one key moment at a time, advanced by keys, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)'
complete -c podtutor -n "__fish_podtutor_using_subcommand cheat" -l no-confidence -d 'Do not ask how sure you are before each answer is revealed (this run only; `x` at the question switches it off for good)'
complete -c podtutor -n "__fish_podtutor_using_subcommand cheat" -s h -l help -d 'Print help'
complete -c podtutor -n "__fish_podtutor_using_subcommand progress" -l progress-file -d 'Where progress is kept (default: progress.toml in your data directory)' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand progress" -l learner -d 'Show (or reset) this learner\'s progress (see `podtutor --learner`)' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand progress" -l lesson -d 'The lesson file whose titles and questions to show (default: the built-in lesson). With --reset: the lesson to reset, as a file or as its id (shown in brackets by `podtutor progress`)' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand progress" -l json -d 'Print the progress as JSON (for scripts and exports)'
complete -c podtutor -n "__fish_podtutor_using_subcommand progress" -l reset -d 'Start over: the current file is kept as a backup. Needs --yes. With --lesson, only that lesson starts over'
complete -c podtutor -n "__fish_podtutor_using_subcommand progress" -l yes -d 'Confirm --reset'
complete -c podtutor -n "__fish_podtutor_using_subcommand progress" -l ascii -d 'Print only ASCII: marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)'
complete -c podtutor -n "__fish_podtutor_using_subcommand progress" -s h -l help -d 'Print help'
complete -c podtutor -n "__fish_podtutor_using_subcommand scene" -l width -d 'Width to draw at (default: the terminal\'s width, or 80)' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand scene" -l lesson -d 'Use this lesson file instead of the built-in lesson' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand scene" -l ascii -d 'Print only ASCII: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)'
complete -c podtutor -n "__fish_podtutor_using_subcommand scene" -s h -l help -d 'Print help'
complete -c podtutor -n "__fish_podtutor_using_subcommand room" -l lesson -d 'The lesson to report on: a lesson file, or a lesson\'s id in the --lessons pack (or among the built-in lessons). Default: the built-in lesson, or the only lesson of the pack' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand room" -l lessons -d 'A lesson pack directory (as the tutor\'s --lessons); --lesson ID picks one of its lessons' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand room" -l json -d 'Print the report as JSON'
complete -c podtutor -n "__fish_podtutor_using_subcommand room" -l csv -d 'Print the report as CSV for a spreadsheet (questions, then learners, then skipped files)'
complete -c podtutor -n "__fish_podtutor_using_subcommand room" -l ascii -d 'Print only ASCII (also chosen when the locale is not UTF-8)'
complete -c podtutor -n "__fish_podtutor_using_subcommand room" -s h -l help -d 'Print help'
complete -c podtutor -n "__fish_podtutor_using_subcommand outline" -l lesson -d 'Use this lesson file instead of the built-in lesson' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand outline" -l lessons -d 'Every lesson of this pack directory, ids written LESSON_ID/SECTION_ID as `--start-at` takes them with --lessons' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand outline" -l ascii -d 'Print only ASCII (also chosen when the locale is not UTF-8)'
complete -c podtutor -n "__fish_podtutor_using_subcommand outline" -s h -l help -d 'Print help'
complete -c podtutor -n "__fish_podtutor_using_subcommand lab" -l lesson -d 'Use this lesson file instead of the built-in lesson' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand lab" -l lessons -d 'Run every lesson in this directory as a pack, from a catalog page (with its optional pack.toml: title, order, required lessons, modes)' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand lab" -l start-at -d 'Open at this section (ids as `podtutor outline` prints them); with --lessons, LESSON_ID/SECTION_ID, or LESSON_ID for that lesson\'s start' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand lab" -l progress-file -d 'Where progress is kept (default: progress.toml in your data directory)' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand lab" -l learner -d 'Keep this learner\'s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand lab" -l theme -d 'Colours: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal\'s own colours when neither says). Saved with your progress' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand lab" -l ascii -d 'Show only ASCII: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)'
complete -c podtutor -n "__fish_podtutor_using_subcommand lab" -l reduce-motion -d 'Show animations one key moment at a time, advanced by keys, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)'
complete -c podtutor -n "__fish_podtutor_using_subcommand lab" -l no-confidence -d 'Do not ask how sure you are before each answer is revealed (this run only; `x` at the question switches it off for good)'
complete -c podtutor -n "__fish_podtutor_using_subcommand lab" -s h -l help -d 'Print help'
complete -c podtutor -n "__fish_podtutor_using_subcommand quiz" -l lesson -d 'Use this lesson file instead of the built-in lesson' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand quiz" -l progress-file -d 'Where progress is kept (default: progress.toml in your data directory)' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand quiz" -l learner -d 'Keep this learner\'s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand quiz" -l theme -d 'Colours: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal\'s own colours when neither says). Saved with your progress' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand quiz" -l ascii -d 'Show only ASCII: marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)'
complete -c podtutor -n "__fish_podtutor_using_subcommand quiz" -l reduce-motion -d 'Show animations one key moment at a time, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)'
complete -c podtutor -n "__fish_podtutor_using_subcommand quiz" -l no-confidence -d 'Do not ask how sure you are before each answer is revealed (this run only; placement asks anyway: a lucky guess must not skip a section)'
complete -c podtutor -n "__fish_podtutor_using_subcommand quiz" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c podtutor -n "__fish_podtutor_using_subcommand review" -l lesson -d 'Use this lesson file instead of the built-in lesson' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand review" -l progress-file -d 'Where progress is kept (default: progress.toml in your data directory)' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand review" -l learner -d 'Keep this learner\'s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand review" -l theme -d 'Colours: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal\'s own colours when neither says). Saved with your progress' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand review" -l cram -d 'Review everything, due or not, the least well remembered first; answers are not recorded, so no review date moves'
complete -c podtutor -n "__fish_podtutor_using_subcommand review" -l ascii -d 'Show only ASCII: marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)'
complete -c podtutor -n "__fish_podtutor_using_subcommand review" -l reduce-motion -d 'Show animations one key moment at a time, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)'
complete -c podtutor -n "__fish_podtutor_using_subcommand review" -l no-confidence -d 'Do not ask how sure you are before each answer is revealed (this run only; placement asks anyway: a lucky guess must not skip a section)'
complete -c podtutor -n "__fish_podtutor_using_subcommand review" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c podtutor -n "__fish_podtutor_using_subcommand placement" -l lesson -d 'Use this lesson file instead of the built-in lesson' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand placement" -l progress-file -d 'Where progress is kept (default: progress.toml in your data directory)' -r -F
complete -c podtutor -n "__fish_podtutor_using_subcommand placement" -l learner -d 'Keep this learner\'s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand placement" -l theme -d 'Colours: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal\'s own colours when neither says). Saved with your progress' -r
complete -c podtutor -n "__fish_podtutor_using_subcommand placement" -l ascii -d 'Show only ASCII: marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)'
complete -c podtutor -n "__fish_podtutor_using_subcommand placement" -l reduce-motion -d 'Show animations one key moment at a time, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)'
complete -c podtutor -n "__fish_podtutor_using_subcommand placement" -l no-confidence -d 'Do not ask how sure you are before each answer is revealed (this run only; placement asks anyway: a lucky guess must not skip a section)'
complete -c podtutor -n "__fish_podtutor_using_subcommand placement" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c podtutor -n "__fish_podtutor_using_subcommand completions" -s h -l help -d 'Print help'
complete -c podtutor -n "__fish_podtutor_using_subcommand man" -s h -l help -d 'Print help'
complete -c podtutor -n "__fish_podtutor_using_subcommand help; and not __fish_seen_subcommand_from read lint scenes cheat-sheet progress scene room outline lab quiz review placement completions man help" -f -a "read" -d 'Print the whole lesson as plain text (for reading, printing and screen readers)'
complete -c podtutor -n "__fish_podtutor_using_subcommand help; and not __fish_seen_subcommand_from read lint scenes cheat-sheet progress scene room outline lab quiz review placement completions man help" -f -a "lint" -d 'Check lesson files and report every problem as FILE:LINE:COL'
complete -c podtutor -n "__fish_podtutor_using_subcommand help; and not __fish_seen_subcommand_from read lint scenes cheat-sheet progress scene room outline lab quiz review placement completions man help" -f -a "scenes" -d 'Open the tutor on the scenes gallery: every animated scene, to watch and play with'
complete -c podtutor -n "__fish_podtutor_using_subcommand help; and not __fish_seen_subcommand_from read lint scenes cheat-sheet progress scene room outline lab quiz review placement completions man help" -f -a "cheat-sheet" -d 'Open the tutor on the cheat sheet: the takeaways, each pitfall\'s fix and the kubectl commands that matter, on one screen'
complete -c podtutor -n "__fish_podtutor_using_subcommand help; and not __fish_seen_subcommand_from read lint scenes cheat-sheet progress scene room outline lab quiz review placement completions man help" -f -a "progress" -d 'Show saved progress, export it as JSON, or start over'
complete -c podtutor -n "__fish_podtutor_using_subcommand help; and not __fish_seen_subcommand_from read lint scenes cheat-sheet progress scene room outline lab quiz review placement completions man help" -f -a "scene" -d 'List the animated scenes, or print one moment by moment'
complete -c podtutor -n "__fish_podtutor_using_subcommand help; and not __fish_seen_subcommand_from read lint scenes cheat-sheet progress scene room outline lab quiz review placement completions man help" -f -a "room" -d 'The room report: how a class did in a lesson, from the learners\' progress files (read-only: no lock, nothing renamed or rewritten)'
complete -c podtutor -n "__fish_podtutor_using_subcommand help; and not __fish_seen_subcommand_from read lint scenes cheat-sheet progress scene room outline lab quiz review placement completions man help" -f -a "outline" -d 'Print the lesson\'s sections by id and title (for instructors)'
complete -c podtutor -n "__fish_podtutor_using_subcommand help; and not __fish_seen_subcommand_from read lint scenes cheat-sheet progress scene room outline lab quiz review placement completions man help" -f -a "lab" -d 'Practise kubectl on a simulated Pod: missions checked against what you achieve (offline; no cluster needed)'
complete -c podtutor -n "__fish_podtutor_using_subcommand help; and not __fish_seen_subcommand_from read lint scenes cheat-sheet progress scene room outline lab quiz review placement completions man help" -f -a "quiz" -d 'A quiz: every question of the lesson without the lesson\'s text, in mixed order; ends with your score and your misses, which you can try again'
complete -c podtutor -n "__fish_podtutor_using_subcommand help; and not __fish_seen_subcommand_from read lint scenes cheat-sheet progress scene room outline lab quiz review placement completions man help" -f -a "review" -d 'Review what is due: the questions and cards whose spaced-repetition date has come (with --cram: everything, without changing any date)'
complete -c podtutor -n "__fish_podtutor_using_subcommand help; and not __fish_seen_subcommand_from read lint scenes cheat-sheet progress scene room outline lab quiz review placement completions man help" -f -a "placement" -d 'A short placement test (about 8 questions across the levels): sections you answer right and sure are marked known, and the lesson skips them'
complete -c podtutor -n "__fish_podtutor_using_subcommand help; and not __fish_seen_subcommand_from read lint scenes cheat-sheet progress scene room outline lab quiz review placement completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c podtutor -n "__fish_podtutor_using_subcommand help; and not __fish_seen_subcommand_from read lint scenes cheat-sheet progress scene room outline lab quiz review placement completions man help" -f -a "man" -d 'Print the manual page (roff), made from the same definitions as --help'
complete -c podtutor -n "__fish_podtutor_using_subcommand help; and not __fish_seen_subcommand_from read lint scenes cheat-sheet progress scene room outline lab quiz review placement completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'


using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'podtutor' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'podtutor'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'podtutor' {
            [CompletionResult]::new('--lesson', '--lesson', [CompletionResultType]::ParameterName, 'Use this lesson file instead of the built-in lesson')
            [CompletionResult]::new('--lessons', '--lessons', [CompletionResultType]::ParameterName, 'Run every lesson in this directory as a pack, from a catalog page (with its optional pack.toml: title, order, required lessons, modes)')
            [CompletionResult]::new('--start-at', '--start-at', [CompletionResultType]::ParameterName, 'Open at this section (ids as `podtutor outline` prints them); with --lessons, LESSON_ID/SECTION_ID, or LESSON_ID for that lesson''s start')
            [CompletionResult]::new('--progress-file', '--progress-file', [CompletionResultType]::ParameterName, 'Where progress is kept (default: progress.toml in your data directory)')
            [CompletionResult]::new('--learner', '--learner', [CompletionResultType]::ParameterName, 'Keep this learner''s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colours: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal''s own colours when neither says). Saved with your progress')
            [CompletionResult]::new('--ascii', '--ascii', [CompletionResultType]::ParameterName, 'Show only ASCII: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)')
            [CompletionResult]::new('--reduce-motion', '--reduce-motion', [CompletionResultType]::ParameterName, 'Show animations one key moment at a time, advanced by keys, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)')
            [CompletionResult]::new('--no-confidence', '--no-confidence', [CompletionResultType]::ParameterName, 'Do not ask how sure you are before each answer is revealed (this run only; `x` at the question switches it off for good)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Print the whole lesson as plain text (for reading, printing and screen readers)')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check lesson files and report every problem as FILE:LINE:COL')
            [CompletionResult]::new('scenes', 'scenes', [CompletionResultType]::ParameterValue, 'Open the tutor on the scenes gallery: every animated scene, to watch and play with')
            [CompletionResult]::new('cheat-sheet', 'cheat-sheet', [CompletionResultType]::ParameterValue, 'Open the tutor on the cheat sheet: the takeaways, each pitfall''s fix and the kubectl commands that matter, on one screen')
            [CompletionResult]::new('cheat', 'cheat', [CompletionResultType]::ParameterValue, 'Open the tutor on the cheat sheet: the takeaways, each pitfall''s fix and the kubectl commands that matter, on one screen')
            [CompletionResult]::new('progress', 'progress', [CompletionResultType]::ParameterValue, 'Show saved progress, export it as JSON, or start over')
            [CompletionResult]::new('scene', 'scene', [CompletionResultType]::ParameterValue, 'List the animated scenes, or print one moment by moment')
            [CompletionResult]::new('room', 'room', [CompletionResultType]::ParameterValue, 'The room report: how a class did in a lesson, from the learners'' progress files (read-only: no lock, nothing renamed or rewritten)')
            [CompletionResult]::new('outline', 'outline', [CompletionResultType]::ParameterValue, 'Print the lesson''s sections by id and title (for instructors)')
            [CompletionResult]::new('lab', 'lab', [CompletionResultType]::ParameterValue, 'Practise kubectl on a simulated Pod: missions checked against what you achieve (offline; no cluster needed)')
            [CompletionResult]::new('quiz', 'quiz', [CompletionResultType]::ParameterValue, 'A quiz: every question of the lesson without the lesson''s text, in mixed order; ends with your score and your misses, which you can try again')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Review what is due: the questions and cards whose spaced-repetition date has come (with --cram: everything, without changing any date)')
            [CompletionResult]::new('placement', 'placement', [CompletionResultType]::ParameterValue, 'A short placement test (about 8 questions across the levels): sections you answer right and sure are marked known, and the lesson skips them')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the manual page (roff), made from the same definitions as --help')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'podtutor;read' {
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Wrap to this many columns (default: the terminal''s width, or 80)')
            [CompletionResult]::new('--lesson', '--lesson', [CompletionResultType]::ParameterName, 'Use this lesson file instead of the built-in lesson')
            [CompletionResult]::new('--ascii', '--ascii', [CompletionResultType]::ParameterName, 'Print only ASCII: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)')
            [CompletionResult]::new('--cheat-sheet', '--cheat-sheet', [CompletionResultType]::ParameterName, 'Print only the cheat sheet: takeaways, each pitfall''s fix, the kubectl commands')
            [CompletionResult]::new('--no-answers', '--no-answers', [CompletionResultType]::ParameterName, 'A worksheet: every question with its choices and the recall cards'' prompts, with no answers or explanations')
            [CompletionResult]::new('--answers-only', '--answers-only', [CompletionResultType]::ParameterName, 'The answer key: each question''s right answer with a short explanation, numbered as in --no-answers')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'podtutor;lint' {
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Also check teaching quality: enough true fact-or-myth claims, right answers not given away by length, position or a verdict word (docs/lesson-format.md)')
            [CompletionResult]::new('--ascii', '--ascii', [CompletionResultType]::ParameterName, 'Print only ASCII: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'podtutor;scenes' {
            [CompletionResult]::new('--lesson', '--lesson', [CompletionResultType]::ParameterName, 'Use this lesson file instead of the built-in lesson')
            [CompletionResult]::new('--lessons', '--lessons', [CompletionResultType]::ParameterName, 'Run every lesson in this directory as a pack, from a catalog page (with its optional pack.toml: title, order, required lessons, modes)')
            [CompletionResult]::new('--start-at', '--start-at', [CompletionResultType]::ParameterName, 'Open at this section (ids as `podtutor outline` prints them); with --lessons, LESSON_ID/SECTION_ID, or LESSON_ID for that lesson''s start')
            [CompletionResult]::new('--progress-file', '--progress-file', [CompletionResultType]::ParameterName, 'Where progress is kept (default: progress.toml in your data directory)')
            [CompletionResult]::new('--learner', '--learner', [CompletionResultType]::ParameterName, 'Keep this learner''s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colours: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal''s own colours when neither says). Saved with your progress')
            [CompletionResult]::new('--ascii', '--ascii', [CompletionResultType]::ParameterName, 'Show only ASCII: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)')
            [CompletionResult]::new('--reduce-motion', '--reduce-motion', [CompletionResultType]::ParameterName, 'Show animations one key moment at a time, advanced by keys, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)')
            [CompletionResult]::new('--no-confidence', '--no-confidence', [CompletionResultType]::ParameterName, 'Do not ask how sure you are before each answer is revealed (this run only; `x` at the question switches it off for good)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'podtutor;cheat-sheet' {
            [CompletionResult]::new('--lesson', '--lesson', [CompletionResultType]::ParameterName, 'Use this lesson file instead of the built-in lesson')
            [CompletionResult]::new('--lessons', '--lessons', [CompletionResultType]::ParameterName, 'Run every lesson in this directory as a pack, from a catalog page (with its optional pack.toml: title, order, required lessons, modes)')
            [CompletionResult]::new('--start-at', '--start-at', [CompletionResultType]::ParameterName, 'Open at this section (ids as `podtutor outline` prints them); with --lessons, LESSON_ID/SECTION_ID, or LESSON_ID for that lesson''s start')
            [CompletionResult]::new('--progress-file', '--progress-file', [CompletionResultType]::ParameterName, 'Where progress is kept (default: progress.toml in your data directory)')
            [CompletionResult]::new('--learner', '--learner', [CompletionResultType]::ParameterName, 'Keep this learner''s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colours: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal''s own colours when neither says). Saved with your progress')
            [CompletionResult]::new('--ascii', '--ascii', [CompletionResultType]::ParameterName, 'Show only ASCII: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)')
            [CompletionResult]::new('--reduce-motion', '--reduce-motion', [CompletionResultType]::ParameterName, 'Show animations one key moment at a time, advanced by keys, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)')
            [CompletionResult]::new('--no-confidence', '--no-confidence', [CompletionResultType]::ParameterName, 'Do not ask how sure you are before each answer is revealed (this run only; `x` at the question switches it off for good)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'podtutor;cheat' {
            [CompletionResult]::new('--lesson', '--lesson', [CompletionResultType]::ParameterName, 'Use this lesson file instead of the built-in lesson')
            [CompletionResult]::new('--lessons', '--lessons', [CompletionResultType]::ParameterName, 'Run every lesson in this directory as a pack, from a catalog page (with its optional pack.toml: title, order, required lessons, modes)')
            [CompletionResult]::new('--start-at', '--start-at', [CompletionResultType]::ParameterName, 'Open at this section (ids as `podtutor outline` prints them); with --lessons, LESSON_ID/SECTION_ID, or LESSON_ID for that lesson''s start')
            [CompletionResult]::new('--progress-file', '--progress-file', [CompletionResultType]::ParameterName, 'Where progress is kept (default: progress.toml in your data directory)')
            [CompletionResult]::new('--learner', '--learner', [CompletionResultType]::ParameterName, 'Keep this learner''s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colours: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal''s own colours when neither says). Saved with your progress')
            [CompletionResult]::new('--ascii', '--ascii', [CompletionResultType]::ParameterName, 'Show only ASCII: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)')
            [CompletionResult]::new('--reduce-motion', '--reduce-motion', [CompletionResultType]::ParameterName, 'Show animations one key moment at a time, advanced by keys, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)')
            [CompletionResult]::new('--no-confidence', '--no-confidence', [CompletionResultType]::ParameterName, 'Do not ask how sure you are before each answer is revealed (this run only; `x` at the question switches it off for good)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'podtutor;progress' {
            [CompletionResult]::new('--progress-file', '--progress-file', [CompletionResultType]::ParameterName, 'Where progress is kept (default: progress.toml in your data directory)')
            [CompletionResult]::new('--learner', '--learner', [CompletionResultType]::ParameterName, 'Show (or reset) this learner''s progress (see `podtutor --learner`)')
            [CompletionResult]::new('--lesson', '--lesson', [CompletionResultType]::ParameterName, 'The lesson file whose titles and questions to show (default: the built-in lesson). With --reset: the lesson to reset, as a file or as its id (shown in brackets by `podtutor progress`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the progress as JSON (for scripts and exports)')
            [CompletionResult]::new('--reset', '--reset', [CompletionResultType]::ParameterName, 'Start over: the current file is kept as a backup. Needs --yes. With --lesson, only that lesson starts over')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Confirm --reset')
            [CompletionResult]::new('--ascii', '--ascii', [CompletionResultType]::ParameterName, 'Print only ASCII: marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'podtutor;scene' {
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Width to draw at (default: the terminal''s width, or 80)')
            [CompletionResult]::new('--lesson', '--lesson', [CompletionResultType]::ParameterName, 'Use this lesson file instead of the built-in lesson')
            [CompletionResult]::new('--ascii', '--ascii', [CompletionResultType]::ParameterName, 'Print only ASCII: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'podtutor;room' {
            [CompletionResult]::new('--lesson', '--lesson', [CompletionResultType]::ParameterName, 'The lesson to report on: a lesson file, or a lesson''s id in the --lessons pack (or among the built-in lessons). Default: the built-in lesson, or the only lesson of the pack')
            [CompletionResult]::new('--lessons', '--lessons', [CompletionResultType]::ParameterName, 'A lesson pack directory (as the tutor''s --lessons); --lesson ID picks one of its lessons')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the report as JSON')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'Print the report as CSV for a spreadsheet (questions, then learners, then skipped files)')
            [CompletionResult]::new('--ascii', '--ascii', [CompletionResultType]::ParameterName, 'Print only ASCII (also chosen when the locale is not UTF-8)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'podtutor;outline' {
            [CompletionResult]::new('--lesson', '--lesson', [CompletionResultType]::ParameterName, 'Use this lesson file instead of the built-in lesson')
            [CompletionResult]::new('--lessons', '--lessons', [CompletionResultType]::ParameterName, 'Every lesson of this pack directory, ids written LESSON_ID/SECTION_ID as `--start-at` takes them with --lessons')
            [CompletionResult]::new('--ascii', '--ascii', [CompletionResultType]::ParameterName, 'Print only ASCII (also chosen when the locale is not UTF-8)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'podtutor;lab' {
            [CompletionResult]::new('--lesson', '--lesson', [CompletionResultType]::ParameterName, 'Use this lesson file instead of the built-in lesson')
            [CompletionResult]::new('--lessons', '--lessons', [CompletionResultType]::ParameterName, 'Run every lesson in this directory as a pack, from a catalog page (with its optional pack.toml: title, order, required lessons, modes)')
            [CompletionResult]::new('--start-at', '--start-at', [CompletionResultType]::ParameterName, 'Open at this section (ids as `podtutor outline` prints them); with --lessons, LESSON_ID/SECTION_ID, or LESSON_ID for that lesson''s start')
            [CompletionResult]::new('--progress-file', '--progress-file', [CompletionResultType]::ParameterName, 'Where progress is kept (default: progress.toml in your data directory)')
            [CompletionResult]::new('--learner', '--learner', [CompletionResultType]::ParameterName, 'Keep this learner''s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colours: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal''s own colours when neither says). Saved with your progress')
            [CompletionResult]::new('--ascii', '--ascii', [CompletionResultType]::ParameterName, 'Show only ASCII: diagrams with +-|, marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)')
            [CompletionResult]::new('--reduce-motion', '--reduce-motion', [CompletionResultType]::ParameterName, 'Show animations one key moment at a time, advanced by keys, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)')
            [CompletionResult]::new('--no-confidence', '--no-confidence', [CompletionResultType]::ParameterName, 'Do not ask how sure you are before each answer is revealed (this run only; `x` at the question switches it off for good)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'podtutor;quiz' {
            [CompletionResult]::new('--lesson', '--lesson', [CompletionResultType]::ParameterName, 'Use this lesson file instead of the built-in lesson')
            [CompletionResult]::new('--progress-file', '--progress-file', [CompletionResultType]::ParameterName, 'Where progress is kept (default: progress.toml in your data directory)')
            [CompletionResult]::new('--learner', '--learner', [CompletionResultType]::ParameterName, 'Keep this learner''s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colours: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal''s own colours when neither says). Saved with your progress')
            [CompletionResult]::new('--ascii', '--ascii', [CompletionResultType]::ParameterName, 'Show only ASCII: marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)')
            [CompletionResult]::new('--reduce-motion', '--reduce-motion', [CompletionResultType]::ParameterName, 'Show animations one key moment at a time, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)')
            [CompletionResult]::new('--no-confidence', '--no-confidence', [CompletionResultType]::ParameterName, 'Do not ask how sure you are before each answer is revealed (this run only; placement asks anyway: a lucky guess must not skip a section)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'podtutor;review' {
            [CompletionResult]::new('--lesson', '--lesson', [CompletionResultType]::ParameterName, 'Use this lesson file instead of the built-in lesson')
            [CompletionResult]::new('--progress-file', '--progress-file', [CompletionResultType]::ParameterName, 'Where progress is kept (default: progress.toml in your data directory)')
            [CompletionResult]::new('--learner', '--learner', [CompletionResultType]::ParameterName, 'Keep this learner''s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colours: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal''s own colours when neither says). Saved with your progress')
            [CompletionResult]::new('--cram', '--cram', [CompletionResultType]::ParameterName, 'Review everything, due or not, the least well remembered first; answers are not recorded, so no review date moves')
            [CompletionResult]::new('--ascii', '--ascii', [CompletionResultType]::ParameterName, 'Show only ASCII: marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)')
            [CompletionResult]::new('--reduce-motion', '--reduce-motion', [CompletionResultType]::ParameterName, 'Show animations one key moment at a time, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)')
            [CompletionResult]::new('--no-confidence', '--no-confidence', [CompletionResultType]::ParameterName, 'Do not ask how sure you are before each answer is revealed (this run only; placement asks anyway: a lucky guess must not skip a section)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'podtutor;placement' {
            [CompletionResult]::new('--lesson', '--lesson', [CompletionResultType]::ParameterName, 'Use this lesson file instead of the built-in lesson')
            [CompletionResult]::new('--progress-file', '--progress-file', [CompletionResultType]::ParameterName, 'Where progress is kept (default: progress.toml in your data directory)')
            [CompletionResult]::new('--learner', '--learner', [CompletionResultType]::ParameterName, 'Keep this learner''s progress in a file of their own in your data directory, with their name inside (for several learners on one machine)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colours: dark, light, high-contrast, or auto (from COLORFGBG, else the background colour the terminal reports; the terminal''s own colours when neither says). Saved with your progress')
            [CompletionResult]::new('--ascii', '--ascii', [CompletionResultType]::ParameterName, 'Show only ASCII: marks and quotes spelt in ASCII (also chosen when the locale is not UTF-8)')
            [CompletionResult]::new('--reduce-motion', '--reduce-motion', [CompletionResultType]::ParameterName, 'Show animations one key moment at a time, with no timed motion (also PODTUTOR_REDUCE_MOTION=1)')
            [CompletionResult]::new('--no-confidence', '--no-confidence', [CompletionResultType]::ParameterName, 'Do not ask how sure you are before each answer is revealed (this run only; placement asks anyway: a lucky guess must not skip a section)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'podtutor;completions' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'podtutor;man' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'podtutor;help' {
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Print the whole lesson as plain text (for reading, printing and screen readers)')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check lesson files and report every problem as FILE:LINE:COL')
            [CompletionResult]::new('scenes', 'scenes', [CompletionResultType]::ParameterValue, 'Open the tutor on the scenes gallery: every animated scene, to watch and play with')
            [CompletionResult]::new('cheat-sheet', 'cheat-sheet', [CompletionResultType]::ParameterValue, 'Open the tutor on the cheat sheet: the takeaways, each pitfall''s fix and the kubectl commands that matter, on one screen')
            [CompletionResult]::new('progress', 'progress', [CompletionResultType]::ParameterValue, 'Show saved progress, export it as JSON, or start over')
            [CompletionResult]::new('scene', 'scene', [CompletionResultType]::ParameterValue, 'List the animated scenes, or print one moment by moment')
            [CompletionResult]::new('room', 'room', [CompletionResultType]::ParameterValue, 'The room report: how a class did in a lesson, from the learners'' progress files (read-only: no lock, nothing renamed or rewritten)')
            [CompletionResult]::new('outline', 'outline', [CompletionResultType]::ParameterValue, 'Print the lesson''s sections by id and title (for instructors)')
            [CompletionResult]::new('lab', 'lab', [CompletionResultType]::ParameterValue, 'Practise kubectl on a simulated Pod: missions checked against what you achieve (offline; no cluster needed)')
            [CompletionResult]::new('quiz', 'quiz', [CompletionResultType]::ParameterValue, 'A quiz: every question of the lesson without the lesson''s text, in mixed order; ends with your score and your misses, which you can try again')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Review what is due: the questions and cards whose spaced-repetition date has come (with --cram: everything, without changing any date)')
            [CompletionResult]::new('placement', 'placement', [CompletionResultType]::ParameterValue, 'A short placement test (about 8 questions across the levels): sections you answer right and sure are marked known, and the lesson skips them')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the manual page (roff), made from the same definitions as --help')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'podtutor;help;read' {
            break
        }
        'podtutor;help;lint' {
            break
        }
        'podtutor;help;scenes' {
            break
        }
        'podtutor;help;cheat-sheet' {
            break
        }
        'podtutor;help;progress' {
            break
        }
        'podtutor;help;scene' {
            break
        }
        'podtutor;help;room' {
            break
        }
        'podtutor;help;outline' {
            break
        }
        'podtutor;help;lab' {
            break
        }
        'podtutor;help;quiz' {
            break
        }
        'podtutor;help;review' {
            break
        }
        'podtutor;help;placement' {
            break
        }
        'podtutor;help;completions' {
            break
        }
        'podtutor;help;man' {
            break
        }
        'podtutor;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}

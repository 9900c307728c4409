import { InvalidArgumentError, type CommanderError } from 'commander';
import { listOf, message, renderMessage, type MessageRef } from '../messages/message.js';

/**
 * Commander's parse errors in the user's language. Commander words its
 * errors in English only, but says which one it is (`error.code`); the
 * values (the option, the argument given, the suggestions) are read back
 * from its text, whose shape is fixed for the commander version in
 * package.json (test/cli/locale.test.ts checks each one).
 */

/** An option value that cannot be used: thrown by the option parsers of run.ts, with the reason as a message. */
export class ArgumentProblem extends InvalidArgumentError {
  constructor(readonly text: MessageRef) {
    // Commander puts this after `argument 'x' is invalid.`: English, as the fallback.
    super(renderMessage(text, 'en'));
  }
}

/** The last reason an option parser gave, kept per run: commander keeps only its English text. */
export interface ArgumentProblems {
  last: MessageRef | undefined;
}

/** Wraps an option parser so that the reason it gives is kept for the error message. */
export function keepingProblems<T>(problems: ArgumentProblems, parse: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return parse(value);
    } catch (error) {
      if (error instanceof ArgumentProblem) problems.last = error.text;
      throw error;
    }
  };
}

/** `(Did you mean --format?)` or `(Did you mean one of a, b?)`, as commander's suggestSimilar writes it, at the end. */
const SUGGESTION = /\n\(Did you mean (?:one of )?(.*)\?\)$/s;

/** The error as a message, or undefined for one it has no words for (printed in commander's English). */
export function commanderErrorMessage(error: CommanderError, argumentProblem: MessageRef | undefined): MessageRef | undefined {
  const text = error.message;
  const suggestion = SUGGESTION.exec(text);
  const plain = suggestion ? text.slice(0, suggestion.index) : text;
  const suggested = suggestion ? listOf((suggestion[1] ?? '').split(', '), 'or') : undefined;
  switch (error.code) {
    case 'commander.unknownOption': {
      const option = /^error: unknown option '(.*)'$/s.exec(plain)?.[1];
      if (option === undefined) return undefined;
      return suggested ? message('cli.usage.unknown-option-suggest', { option, suggestion: suggested }) : message('cli.usage.unknown-option', { option });
    }
    case 'commander.unknownCommand': {
      const command = /^error: unknown command '(.*)'$/s.exec(plain)?.[1];
      if (command === undefined) return undefined;
      return suggested ? message('cli.usage.unknown-command-suggest', { command, suggestion: suggested }) : message('cli.usage.unknown-command', { command });
    }
    case 'commander.missingArgument': {
      const argument = /^error: missing required argument '(.*)'$/s.exec(text)?.[1];
      return argument === undefined ? undefined : message('cli.usage.missing-argument', { argument });
    }
    case 'commander.optionMissingArgument': {
      const option = /^error: option '(.*)' argument missing$/s.exec(text)?.[1];
      return option === undefined ? undefined : message('cli.usage.option-missing-value', { option });
    }
    case 'commander.excessArguments': {
      const match = /^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/s.exec(text);
      if (!match) return undefined;
      return message('cli.usage.too-many-arguments', { command: match[1] ?? '', count: Number(match[2]), given: Number(match[3]) });
    }
    case 'commander.invalidArgument':
      return invalidValue(text, argumentProblem);
    default:
      return undefined;
  }
}

/** `option '--today <date>' argument 'x' is invalid. <reason>`: the reason a parser gave, or commander's choices. */
function invalidValue(text: string, argumentProblem: MessageRef | undefined): MessageRef | undefined {
  const choices = /^error: option '(.*?)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s.exec(text);
  if (choices) {
    return message('cli.usage.invalid-choice', { option: choices[1] ?? '', value: choices[2] ?? '', choices: choices[3] ?? '' });
  }
  if (argumentProblem === undefined) return undefined;
  const reason = renderMessage(argumentProblem, 'en');
  if (!text.endsWith(` ${reason}`)) return undefined;
  const match = /^error: option '(.*?)' argument '(.*)' is invalid\.$/s.exec(text.slice(0, -reason.length - 1));
  if (!match) return undefined;
  return message('cli.usage.invalid-value', { option: match[1] ?? '', value: match[2] ?? '', reason: argumentProblem });
}

import { describe } from 'vitest';
import { ruleTable } from './table.js';

const FI = 'fi: "Olen poissa {from}–{until}. Kiireellisissä asioissa: {substitute}."';

describe('out-of-office-placeholders', () => {
  ruleTable('out-of-office-placeholders', [
    { name: 'all placeholders present', expected: [] },
    {
      name: 'missing {substitute} when a substitute is required',
      edits: [[FI, 'fi: "Olen poissa {from}–{until}."']],
      expected: [{ at: '"Olen poissa {from}–{until}."', message: /the fi out-of-office message must name `\{substitute\}` \(a substitute is required\)/ }],
    },
    {
      name: 'missing {substitute} is fine when a substitute is only recommended',
      edits: [
        [FI, 'fi: "Olen poissa {from}–{until}."'],
        ['substitute: required', 'substitute: recommended'],
      ],
      expected: [],
    },
    {
      name: 'missing {until}',
      edits: [[FI, 'fi: "Olen poissa. Kiireellisissä asioissa: {substitute}."']],
      expected: [{ message: /must name `\{until\}`/ }],
    },
    {
      name: 'a misspelt placeholder',
      edits: [[FI, 'fi: "Olen poissa {from}–{untill}. Kiireellisissä asioissa: {substitute}."']],
      expected: [{ message: /unknown placeholder `\{untill\}`/ }, { message: /must name `\{until\}`/ }],
    },
  ]);
});

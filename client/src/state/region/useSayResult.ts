// How a township's or county's action tells its outcome: antd's message, in the person's language.
import { useCallback } from 'react';
import { App } from 'antd';
import type { CommandResult } from '@lianxin/model';
import { useText } from '../useText';

/** Says a command's result (error or success) and hands it back. */
export function useSayResult(): <T>(result: CommandResult<T>) => CommandResult<T> {
  const { message } = App.useApp();
  const text = useText();
  return useCallback(
    <T,>(result: CommandResult<T>): CommandResult<T> => {
      if (result.type === 'rejected') void message.error(text(result.message));
      else void message.success(text(result.message));
      return result;
    },
    [message, text],
  );
}

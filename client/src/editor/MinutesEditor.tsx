// The live co-edited minutes of one meeting: TipTap bound to a Yjs fragment, with carets.
import { useEditor, EditorContent, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { useTranslation } from '../i18n/useTranslation';
import { Button, Space, Tooltip } from 'antd';
import { BoldOutlined, ItalicOutlined, OrderedListOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { MinutesBinding } from './MinutesBinding';
import './minutesEditor.css';

export interface MinutesEditorProps {
  binding: MinutesBinding;
}

export function MinutesEditor({ binding }: MinutesEditorProps) {
  const { t } = useTranslation();
  const editor = useEditor(
    {
      editable: binding.editable,
      // Content comes only from the shared fragment: seeding here would duplicate on merge.
      extensions: [
        // Collaboration brings its own undo (per person, per document); the local one would fight it.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ fragment: binding.fragment }),
        CollaborationCaret.configure({ provider: binding.provider, user: { ...binding.user } }),
      ],
      editorProps: {
        attributes: {
          'aria-label': t('meetings.minutes'),
          'aria-multiline': 'true',
          role: 'textbox',
          'data-testid': 'minutes-editor',
          class: 'minutes-editor__content',
        },
      },
    },
    [binding],
  );

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      h2: e?.isActive('heading', { level: 2 }) ?? false,
      bullet: e?.isActive('bulletList') ?? false,
      ordered: e?.isActive('orderedList') ?? false,
    }),
  });

  return (
    <div className="minutes-editor">
      {binding.editable ? (
        <Space wrap className="minutes-editor__toolbar no-print" role="toolbar" aria-label={t('editor.toolbar')}>
          <Tooltip title={t('editor.heading')}>
            <Button
              size="small"
              type={state?.h2 ? 'primary' : 'default'}
              aria-pressed={state?.h2 ?? false}
              aria-label={t('editor.heading')}
              onClick={() => editor?.chain().focus().toggleHeading({ level: 2 }).run()}
            >
              H
            </Button>
          </Tooltip>
          <Tooltip title={t('editor.bold')}>
            <Button
              size="small"
              icon={<BoldOutlined />}
              type={state?.bold ? 'primary' : 'default'}
              aria-pressed={state?.bold ?? false}
              aria-label={t('editor.bold')}
              onClick={() => editor?.chain().focus().toggleBold().run()}
            />
          </Tooltip>
          <Tooltip title={t('editor.italic')}>
            <Button
              size="small"
              icon={<ItalicOutlined />}
              type={state?.italic ? 'primary' : 'default'}
              aria-pressed={state?.italic ?? false}
              aria-label={t('editor.italic')}
              onClick={() => editor?.chain().focus().toggleItalic().run()}
            />
          </Tooltip>
          <Tooltip title={t('editor.bulletList')}>
            <Button
              size="small"
              icon={<UnorderedListOutlined />}
              type={state?.bullet ? 'primary' : 'default'}
              aria-pressed={state?.bullet ?? false}
              aria-label={t('editor.bulletList')}
              onClick={() => editor?.chain().focus().toggleBulletList().run()}
            />
          </Tooltip>
          <Tooltip title={t('editor.orderedList')}>
            <Button
              size="small"
              icon={<OrderedListOutlined />}
              type={state?.ordered ? 'primary' : 'default'}
              aria-pressed={state?.ordered ?? false}
              aria-label={t('editor.orderedList')}
              onClick={() => editor?.chain().focus().toggleOrderedList().run()}
            />
          </Tooltip>
        </Space>
      ) : null}
      <EditorContent editor={editor} />
    </div>
  );
}

import { useId, useState } from 'react';
import { usePlaygroundStore } from '../../hooks/usePlayground';

/**
 * "Share": a link holding the whole run (scenario, seed, inputs, time reached). Whoever opens it
 * gets the same run, paused at the same moment; nothing is sent anywhere (the run is in the link).
 */
export function ShareRun(): React.JSX.Element {
  const store = usePlaygroundStore();
  const linkId = useId();
  const [link, setLink] = useState('');
  const [note, setNote] = useState('');
  const share = async (): Promise<void> => {
    const { encodeShare, SHARE_KEY } = await import('../../../../bridge/share-link');
    const url = new URL(location.href);
    url.hash = `${SHARE_KEY}=${encodeShare(await store.record())}`;
    setLink(url.href);
    try {
      await navigator.clipboard.writeText(url.href);
      setNote(`Copied: ${url.href.length.toLocaleString('en-US')} characters.`);
    } catch {
      setNote(`Copy the link below (${url.href.length.toLocaleString('en-US')} characters).`);
    }
  };
  return (
    <div className="pg-share">
      <button type="button" className="pg-btn" onClick={() => void share()}>
        Share
      </button>
      {link ? (
        <div className="pg-field">
          <label htmlFor={linkId}>Share link</label>
          <input
            id={linkId}
            readOnly
            value={link}
            className="pg-mono"
            onFocus={(e) => e.currentTarget.select()}
          />
          <p className="pg-note" role="status">
            {note}
          </p>
        </div>
      ) : null}
    </div>
  );
}

// Both hosts run the lesson player's checkpoint sink beside the run: the same lesson, the same
// inputs, the same checkpoint statuses, one thread or across hosts.
import { describe, expect, it } from 'vitest';
import { readLessonFiles } from '../../src/cli/lesson-files';
import { describeErrors, loadLessons } from '../../src/lessons/load-lessons';
import { channelSpawner } from '../../src/runtime/cluster/channel-spawner';
import { Cluster } from '../../src/runtime/cluster/cluster';
import { LocalPlayground } from '../../src/runtime/local-playground';
import { ClusterPlayground } from '../../src/runtime/playground/cluster-playground';

const set = loadLessons(readLessonFiles());
if (!set.ok) throw new Error(describeErrors(set.errors));
const lesson = set.lessons.find((l) => l.id === 'start-here')!;

describe('the lesson watch in both hosts', () => {
  it('meets Start here step by step with the same statuses', async () => {
    const clock = { nowMs: () => 0, nextFrame: () => () => undefined };
    const local = new LocalPlayground(clock);
    const cluster = new ClusterPlayground(await Cluster.create(channelSpawner(() => undefined)), {
      store: { persistence: 'none' },
      nowMs: () => 0,
    });
    try {
      for (const host of [local, cluster]) {
        expect(await host.load(lesson.scenario)).toEqual({ ok: true });
        await host.watchLesson(lesson, 0);
      }
      for (const [i, step] of lesson.steps.slice(0, 4).entries()) {
        const statuses = [];
        for (const host of [local, cluster]) {
          await host.watchLesson(lesson, i);
          expect((await host.lessonStatus())!.met, `step ${i + 1} before its actions`).toBe(false);
          for (const a of step.actions) await host.input(a.action);
          await host.seek((await host.snapshot()).nowMs + 5000);
          statuses.push(await host.lessonStatus());
        }
        expect(statuses[0]!.met, `step ${i + 1}: ${statuses[0]!.missing.join('; ')}`).toBe(true);
        expect(statuses[1]).toEqual(statuses[0]);
      }
      await local.watchLesson(null, 0);
      expect(await local.lessonStatus()).toBeNull();
    } finally {
      await cluster.dispose();
    }
  });
});

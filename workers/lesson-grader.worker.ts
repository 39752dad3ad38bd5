// The lesson player's grader: replays a lesson to a step with a fresh seed, off the page's thread.
import * as Comlink from 'comlink';
import { gradeLessonPrediction } from '../src/runtime/lesson-grader';

Comlink.expose({ grade: gradeLessonPrediction });

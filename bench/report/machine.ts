import os from 'node:os';
import { execa } from 'execa';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  dotnetSdk: string;
  node: string;
  platform: string;
  /** One-minute load averages at the start and end of the run: the machine may be shared with other builds. */
  loadStart: number;
  loadEnd?: number;
}

export async function describeMachine(): Promise<MachineInfo> {
  const sdk = await execa('dotnet', ['--version'], { reject: false });
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    dotnetSdk: String(sdk.stdout).trim() || 'not found',
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadStart: os.loadavg()[0] as number,
  };
}

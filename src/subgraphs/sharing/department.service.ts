import { UniqueConstraintViolationException } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { ConflictError } from '../../errors.js';
import type { SubgraphContext } from '../context.js';
import { DepartmentEntity, type Department } from './department.entity.js';

/** The department registry for one request (lookups batched). */
export class DepartmentService {
  private readonly byCode: DataLoader<string, Department | null>;

  constructor(private readonly ctx: SubgraphContext) {
    this.byCode = new DataLoader(async (codes) => {
      const rows = await ctx.em.find(DepartmentEntity, { code: { $in: [...codes] } });
      const map = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => map.get(c) ?? null);
    });
  }

  get(code: string): Promise<Department | null> {
    return this.byCode.load(code);
  }

  list(): Promise<Department[]> {
    return this.ctx.em.find(DepartmentEntity, {}, { orderBy: { code: 'asc' } });
  }

  /** @throws ConflictError when the code is already registered. */
  async register(input: { code: string; name: string; divisionCode: string }): Promise<Department> {
    if (await this.ctx.em.findOne(DepartmentEntity, { code: input.code })) throw ConflictError.exists('Department', input.code, 'input.code');
    const department = this.ctx.em.create(DepartmentEntity, input);
    try {
      await this.ctx.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw ConflictError.exists('Department', input.code, 'input.code');
      throw error;
    }
    return department;
  }
}

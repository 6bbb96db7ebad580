import * as equipment from '../../use-cases/equipment';
import { equipmentBody } from '../../schemas';
import { resource, reply } from '../context';
import { ApiError } from '../http';
import { idParam, jsonBody, signedIn } from '../middleware';
import { isUuid } from '$lib/domain/ids';

/** A kindergarten's equipment: the register's devices and toys counted by state (issue 16). */
export const equipmentRoutes = resource()
	.get('/kindergartens/:id/equipment', signedIn, idParam, async (c) => {
		const { id } = c.req.valid('param');
		return reply(200, { equipment: await equipment.equipmentOf(c.env.deps, c.var.actor, id) });
	})
	.put(
		'/kindergartens/:id/equipment/:entry',
		signedIn,
		idParam,
		jsonBody(equipmentBody),
		async (c) => {
			const { id } = c.req.valid('param');
			const entryId = c.req.param('entry');
			if (!isUuid(entryId)) throw new ApiError(404, 'not_found');
			const input = c.req.valid('json');
			return reply(200, {
				item: await equipment.setEquipment(c.env.deps, c.var.actor, id, entryId, input)
			});
		}
	);

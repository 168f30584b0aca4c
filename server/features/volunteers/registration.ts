/**
 * Registering as a volunteer (《志愿服务条例》 Art. 7): real name and a valid ID, checked and derived here;
 * the ID number stored encrypted, unique through its keyed hash, shown masked; minors need a guardian.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { myVolunteerSchema, volunteerProfileSchema, volunteerRegistrationSchema } from '@contract/volunteers';
import { chinaLocal } from '@contract/rules/calendar';
import { checkResidentIdNumber, isRealDate, type Sex } from '@contract/rules/id-number';
import { maskIdNumber, maskPhone } from '@contract/rules/mask';
import { ageBand, ageOn, needsGuardian, tooYoungMessage } from '@contract/rules/volunteer-age';
import { fieldLabel } from '@contract/field-labels';
import { inTransaction, isUniqueViolation } from '../../db/portable';
import { requireUser } from '../../lib/auth';
import { badRequest, conflict, fieldError } from '../../lib/errors';
import { findVolunteerOfUser, toProfile } from './volunteer-profile';

/** Several fields wrong at once: all of them named, so the form can mark each. */
function fieldsError(problems: Record<string, string>) {
  const fields = Object.fromEntries(Object.entries(problems).map(([field, message]) => [field, `${fieldLabel([field])}：${message}`]));
  return badRequest(`请检查填写的内容：${Object.values(fields).join('；')}`, fields);
}

export const registrationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/volunteers',
    { schema: { tags: ['volunteers'], body: volunteerRegistrationSchema, response: { 201: volunteerProfileSchema } } },
    async (request, reply) => {
      const user = requireUser(request);
      const body = request.body;
      const now = app.now();
      const today = chinaLocal(now).date;
      if (await findVolunteerOfUser(app.db, user.id)) throw conflict('您已经登记为志愿者了，可以直接报名活动');

      let idNumber: string;
      let birthDate: string;
      let sex: Sex;
      if (body.idType === 'resident') {
        const check = checkResidentIdNumber(body.idNumber, today);
        if (!check.ok) throw fieldError('idNumber', check.message);
        ({ value: idNumber, birthDate, sex } = check);
      } else {
        idNumber = body.idNumber.replace(/\s/g, '').toUpperCase();
        if (!/^[A-Z0-9]{5,20}$/.test(idNumber)) throw fieldError('idNumber', '应为 5 到 20 位字母或数字');
        if (!isRealDate(body.birthDate!) || body.birthDate! > today) throw fieldError('birthDate', '这个日期不存在或还没到');
        birthDate = body.birthDate!;
        sex = body.sex!;
      }

      const band = ageBand(ageOn(birthDate, today));
      if (band === 'tooYoung') throw fieldError(body.idType === 'resident' ? 'idNumber' : 'birthDate', tooYoungMessage, tooYoungMessage);
      if (needsGuardian(band)) {
        const problems: Record<string, string> = {};
        if (!body.guardianName) problems.guardianName = '未满 18 周岁需填写监护人姓名';
        if (!body.guardianPhone) problems.guardianPhone = '未满 18 周岁需填写监护人手机号';
        if (body.guardianConsent !== true) problems.guardianConsent = '未满 18 周岁需监护人同意后才能登记';
        if (Object.keys(problems).length > 0) throw fieldsError(problems);
      }
      const community = await app.db.selectFrom('communities').select('id').where('id', '=', body.communityId).executeTakeFirst();
      if (!community) throw fieldError('communityId', '没有这个社区');

      const minor = needsGuardian(band);
      try {
        await inTransaction(app.db, async (trx) => {
          await trx
            .insertInto('volunteers')
            .values({
              user_id: user.id,
              real_name: body.realName,
              id_type: body.idType,
              id_number_encrypted: app.privacy.encrypt(idNumber),
              id_number_hash: app.privacy.keyedHash(`${body.idType}:${idNumber}`),
              id_number_masked: maskIdNumber(idNumber),
              birth_date: birthDate,
              sex,
              phone_encrypted: app.privacy.encrypt(body.phone),
              phone_masked: maskPhone(body.phone),
              community_id: body.communityId,
              skills_json: JSON.stringify(body.skills),
              availability_json: JSON.stringify(body.availability),
              is_party_member: body.isPartyMember ? 1 : 0,
              national_number: body.nationalVolunteerNumber || null,
              guardian_name: minor ? body.guardianName! : null,
              guardian_phone_encrypted: minor ? app.privacy.encrypt(body.guardianPhone!) : null,
              guardian_phone_masked: minor ? maskPhone(body.guardianPhone!) : null,
              guardian_consent_at: minor ? now.toISOString() : null,
              created_at: now.toISOString(),
            })
            .execute();
          await trx.updateTable('users').set({ is_volunteer: 1 }).where('id', '=', user.id).execute();
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Either this user registered in a parallel request, or the ID number is taken by another account.
        if (await findVolunteerOfUser(app.db, user.id)) throw conflict('您已经登记为志愿者了，可以直接报名活动');
        throw conflict('这个证件号码已经登记过志愿者。如果是您本人，请用当时登记的账号登录；如有疑问请联系社区');
      }
      const row = (await findVolunteerOfUser(app.db, user.id))!;
      return reply.code(201).send(await toProfile(app.db, row, now));
    },
  );

  app.get('/volunteers/me', { schema: { tags: ['volunteers'], response: { 200: myVolunteerSchema } } }, async (request) => {
    const user = requireUser(request);
    const row = await findVolunteerOfUser(app.db, user.id);
    return { volunteer: row ? await toProfile(app.db, row, app.now()) : null };
  });
};

import { InputType, PartialType } from '@nestjs/graphql';
import { RegisterPartnerInput } from './register-partner.input';

/** The fields to change: any of a new partner's; a field left out is kept, null clears an optional one (name and kind cannot be cleared), contacts replace the list. */
@InputType({ description: 'The fields to change; a field left out is kept, null clears an optional one, contacts replace the list' })
export class UpdatePartnerInput extends PartialType(RegisterPartnerInput, InputType) {}
